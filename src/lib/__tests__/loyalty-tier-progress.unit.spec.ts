import { loyaltySettingsSchema } from "../../modules/loyalty/settings"
import { tierProgress, tierWindowStart } from "../loyalty-tier-progress"

const settings = loyaltySettingsSchema.parse({
  enabled: true,
  tiers: {
    basis: "points",
    // out of order on purpose: the admin may list them any way
    levels: [
      { id: "gold", name: "Gold", threshold: 5000, customer_group_id: "cusgroup_gold" },
      { id: "silver", name: "Silver", threshold: 1000, customer_group_id: "cusgroup_silver" },
    ],
  },
})

describe("tierProgress", () => {
  it("below the first tier: no tier, and the points still to earn for the lowest", () => {
    expect(tierProgress(settings, null, 600)).toEqual({ tier: null, next_tier: { id: "silver", name: "Silver", threshold: 1000, remaining: 400 } })
  })

  it("in a tier: the next one up; none above the top", () => {
    expect(tierProgress(settings, "silver", 1200).next_tier).toEqual({ id: "gold", name: "Gold", threshold: 5000, remaining: 3800 })
    expect(tierProgress(settings, "gold", 7000)).toEqual({ tier: { id: "gold", name: "Gold" }, next_tier: null })
  })

  it("a threshold reached before the tier moves shows 0 to go, never a negative", () => {
    expect(tierProgress(settings, null, 1500).next_tier).toEqual(expect.objectContaining({ id: "silver", remaining: 0 }))
  })

  it("a tier the shop has since removed is no tier; tiers by money spent count the money still to spend, in cents", () => {
    expect(tierProgress(settings, "bronze", 10).tier).toBeNull()
    const bySpend = loyaltySettingsSchema.parse({ ...settings, tiers: { ...settings.tiers, basis: "spend", currency_code: "eur" } })
    expect(tierProgress(bySpend, "silver", 1234.55)).toEqual({
      tier: { id: "silver", name: "Silver" },
      next_tier: { id: "gold", name: "Gold", threshold: 5000, remaining: 3765.45 },
    })
  })
})

describe("tierWindowStart", () => {
  it("is 12 months before", () => {
    expect(tierWindowStart(new Date("2026-11-27T03:00:00Z")).toISOString()).toBe("2025-11-27T03:00:00.000Z")
  })
})
