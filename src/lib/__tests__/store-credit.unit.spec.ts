import { loyaltySettingsSchema, storeCreditRewardIssues } from "../../modules/loyalty/settings"
import { LOYALTY_PLUGIN_PACKAGE, packageInstalled, STORE_CREDIT_MODULE, storeCreditAvailable } from "../store-credit"

describe("storeCreditAvailable", () => {
  const registered = { hasRegistration: (key: string) => key === STORE_CREDIT_MODULE }
  const notRegistered = { hasRegistration: () => false }

  it("is false without @medusajs/loyalty-plugin installed, even when something answers to the store-credit key", () => {
    const nothingInstalled = () => false
    expect(storeCreditAvailable(registered, nothingInstalled)).toBe(false)
    expect(storeCreditAvailable(notRegistered, nothingInstalled)).toBe(false)
  })

  it("is false when the plugin is installed but the app did not add it to its plugins, true when it did", () => {
    // the plugin is this repository's dev dependency
    expect(packageInstalled(LOYALTY_PLUGIN_PACKAGE)).toBe(true)
    expect(packageInstalled("@medusajs/no-such-plugin")).toBe(false)
    expect(storeCreditAvailable(notRegistered)).toBe(false)
    expect(storeCreditAvailable(registered)).toBe(true)
  })
})

describe("rewards paid out as store credit", () => {
  const settings = loyaltySettingsSchema.parse({
    rewards: [
      { id: "five-off", name: "€5 off", points_cost: 500, discount: { kind: "fixed", value: 5, currency_code: "eur" } },
      { id: "five-credit", name: "€5 store credit", points_cost: 450, discount: { kind: "store_credit", value: 5, currency_code: "eur" } },
    ],
  })

  it("are refused at their field while the loyalty plugin does not run, and pass when it does", () => {
    expect(storeCreditRewardIssues(settings, false)).toEqual(['"rewards.1.discount.kind": store credit needs @medusajs/loyalty-plugin'])
    expect(storeCreditRewardIssues(settings, true)).toEqual([])
  })

  it("need a currency, like an amount off", () => {
    const result = loyaltySettingsSchema.safeParse({
      rewards: [{ id: "credit", name: "Credit", points_cost: 100, discount: { kind: "store_credit", value: 5 } }],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["rewards.0.discount.currency_code", "is required for store credit"],
    ])
  })

  it("are never a referral discount: a new customer's first-order discount stays a promotion", () => {
    const result = loyaltySettingsSchema.safeParse({ referrals: { discount: { kind: "store_credit", value: 5, currency_code: "eur" } } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path.join(".")).toBe("referrals.discount.kind")
  })
})
