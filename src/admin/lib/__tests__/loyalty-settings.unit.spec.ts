import { DEFAULT_LOYALTY_SETTINGS, loyaltySettingsIssues, loyaltySettingsSchema, type LoyaltySettings } from "../../../modules/loyalty/settings"
import {
  adjustmentBody,
  adjustmentFieldOf,
  errorSummary,
  formOf,
  inputPathOf,
  newReward,
  newTier,
  settingsErrorsOf,
  settingsOf,
  tierBarPercent,
} from "../loyalty-settings"

const PROGRAMME: LoyaltySettings = {
  ...DEFAULT_LOYALTY_SETTINGS,
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1.5, include_shipping: true, include_tax: false }],
  rewards: [
    { id: "ten-off", name: "€10 off", points_cost: 1000, discount: { kind: "fixed", value: 10, currency_code: "eur" }, expires_in_days: 60 },
    { id: "vip", name: "15% off", points_cost: 1500, discount: { kind: "percentage", value: 15, currency_code: null }, expires_in_days: 30 },
  ],
  tiers: {
    basis: "points",
    currency_code: null,
    levels: [
      { id: "silver", name: "Silver", threshold: 500, customer_group_id: null, multiplier: 1 },
      { id: "gold", name: "Gold", threshold: 2000, customer_group_id: "cusgroup_01JDZ9Q4J1K2M3N4P5Q6R7S8T9", multiplier: 1.5 },
    ],
  },
  expiry: { months: 0, mode: "oldest_first", reminder_days: 0 },
  bonuses: { signup: 100, first_order: 0, approved_review: 25 },
  referrals: { enabled: true, referrer_points: 200, discount: { kind: "fixed", value: 5, currency_code: "eur" } },
}

/** What the API would answer for these settings: its 400 message, or null when it saves them. */
const apiMessage = (settings: unknown) => {
  const result = loyaltySettingsSchema.safeParse(settings)
  return result.success ? null : `Invalid request: ${loyaltySettingsIssues(result.error)}`
}

describe("the loyalty settings page", () => {
  it("turns the saved settings into the form and back without changing a thing", () => {
    for (const settings of [DEFAULT_LOYALTY_SETTINGS, PROGRAMME]) {
      expect(loyaltySettingsSchema.parse(settingsOf(formOf(settings)))).toEqual(settings)
    }
  })

  it("sends what the admin typed, so a bad number is refused at its own input", () => {
    const form = formOf(PROGRAMME)
    form.earn_rates[0].points_per_unit = "0"
    form.rewards[1].expires_in_days = ""
    form.bonuses.signup = "lots"
    form.expiry.months = "1,5"
    const errors = settingsErrorsOf(apiMessage(settingsOf(form))!)
    expect(errors).toEqual({
      fields: {
        "earn_rates.0.points_per_unit": "Must be more than 0",
        "rewards.1.expires_in_days": "Enter a number",
        "bonuses.signup": "Enter a number",
        "expiry.months": "Must be a whole number",
      },
      form: [],
    })
    expect(errorSummary(errors)).toBe("4 fields need attention.")
  })

  it("puts each of the API's problems at the input it is about, an item's at the input that names the item", () => {
    const form = formOf(PROGRAMME)
    form.rewards.push({ ...newReward(form), id: "ten-off", name: "Again" })
    form.rewards[0].discount = { kind: "percentage", value: "150", currency_code: "eur" }
    form.rewards[1].discount = { kind: "fixed", value: "5", currency_code: "" }
    form.earn_rates.push({ ...form.earn_rates[0] })
    const errors = settingsErrorsOf(apiMessage(settingsOf(form))!)
    expect(errors.fields).toEqual({
      "earn_rates.1.currency_code": 'Currency "eur" appears twice',
      "rewards.2.id": 'Reward id "ten-off" appears twice',
      "rewards.0.discount.value": "Must be at most 100 for a percentage",
      "rewards.1.discount.currency_code": "Is required for an amount off",
    })
    // a percentage drops a currency typed before the kind changed
    expect(settingsOf(form).rewards[0].discount.currency_code).toBeNull()
  })

  it("reads the tier's customer group check, and keeps what has no input for the form as a whole", () => {
    expect(
      settingsErrorsOf(`Invalid loyalty settings: "tiers.levels.1.customer_group_id": there is no customer group with the id "cusgroup_gone"`)
    ).toEqual({ fields: { "tiers.levels.1.customer_group_id": 'There is no customer group with the id "cusgroup_gone"' }, form: [] })
    expect(settingsErrorsOf(`Invalid request: "points_per_euro": Unrecognized key: "points_per_euro"`)).toEqual({
      fields: {},
      form: ['points_per_euro: Unrecognized key: "points_per_euro"'],
    })
    expect(settingsErrorsOf("Something went wrong")).toEqual({ fields: {}, form: ["Something went wrong"] })
    expect(inputPathOf("tiers.levels.3")).toBe("tiers.levels.3.id")
    expect(inputPathOf("tiers.currency_code")).toBe("tiers.currency_code")
  })

  it("adds rewards and tiers with ids the list does not have yet", () => {
    const form = formOf(PROGRAMME)
    form.rewards.push(newReward(form))
    form.tiers.levels.push(newTier(form))
    expect(form.rewards[2].id).toBe("reward-3")
    expect(form.tiers.levels[2].id).toBe("tier-3")
    // a new reward and tier are refused only for what the admin still has to fill in
    const errors = settingsErrorsOf(apiMessage(settingsOf(form))!)
    expect(Object.keys(errors.fields).sort()).toEqual(["rewards.2.name", "tiers.levels.2.name", "tiers.levels.2.threshold"])
  })
})

describe("the customer's loyalty widget", () => {
  const levels = PROGRAMME.tiers.levels

  it("fills the bar from the customer's tier to the next one by the points earned in the window, and shows none at the top", () => {
    const progress = (tier: string | null, earned: number) => {
      const current = levels.find((level) => level.id === tier) ?? null
      const next = levels.find((level) => level.threshold > (current?.threshold ?? -1)) ?? null
      return {
        tier: current && { id: current.id, name: current.name },
        next_tier: next && { id: next.id, name: next.name, threshold: next.threshold, remaining: Math.max(0, next.threshold - earned) },
        earned_in_window: earned,
        window_months: 12,
      }
    }
    expect(tierBarPercent(levels, progress(null, 0))).toBe(0)
    expect(tierBarPercent(levels, progress(null, 250))).toBe(50)
    expect(tierBarPercent(levels, progress("silver", 1250))).toBe(50)
    // a tier kept from last year while the window's points fell below it: the bar starts empty
    expect(tierBarPercent(levels, progress("silver", 100))).toBe(0)
    expect(tierBarPercent(levels, progress("silver", 2400))).toBe(100)
    expect(tierBarPercent(levels, progress("gold", 2400))).toBeNull()
  })

  it("puts the adjustment's 400 at the points or the reason", () => {
    expect(adjustmentFieldOf("Invalid request: Field 'reason' is required")).toBe("reason")
    expect(adjustmentFieldOf("Invalid request: reason can be at most 500 characters")).toBe("reason")
    expect(adjustmentFieldOf("Invalid request: points cannot be 0: give a positive number to add points, a negative one to take them")).toBe("points")
    expect(adjustmentFieldOf("Invalid request: Expected type: 'number' for field 'points', got: 'ten'")).toBe("points")
    expect(adjustmentFieldOf("points would take the balance below 0: Not enough points: 50 available, 1000 needed")).toBe("points")
    expect(adjustmentFieldOf("Customer with id \"cus_x\" was not found")).toBeUndefined()
    expect(adjustmentBody(" -20 ", "Duplicate")).toEqual({ points: -20, reason: "Duplicate" })
    expect(adjustmentBody("ten", "x")).toEqual({ points: "ten", reason: "x" })
  })
})
