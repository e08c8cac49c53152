import { DEFAULT_LOYALTY_SETTINGS } from "../../modules/loyalty/settings"
import { earnRateFor, exchangeEarning, orderEarning, pointsOfItems } from "../loyalty-earning"

const order = {
  currency_code: "eur",
  items: [
    // 2 × 40.00, 10.00 off
    { id: "item_shirt", quantity: 2, subtotal: 80, discount_subtotal: 10, total: 84.7 },
    { id: "item_socks", quantity: 1, subtotal: 12.5, discount_subtotal: 0, total: 15.13 },
  ],
  shipping_methods: [{ subtotal: 5, discount_subtotal: 0, total: 6.05 }],
}

describe("orderEarning", () => {
  const rate = earnRateFor(DEFAULT_LOYALTY_SETTINGS, "EUR")

  it("counts a point per euro of the items after discounts, without shipping or tax by default, rounded down", () => {
    const earned = orderEarning(order, rate, null)!
    expect(earned.points).toBe(82)
    expect(earned.rule).toEqual(
      expect.objectContaining({ base_amount: 82.5, multiplier: 1, tier: null, unit_values: { item_shirt: 35, item_socks: 12.5 } })
    )
  })

  it("adds shipping and tax when the rate includes them, and multiplies by the tier", () => {
    const earned = orderEarning(order, { ...rate!, include_shipping: true, include_tax: true, points_per_unit: 2 }, { id: "gold", multiplier: 1.5 })!
    // (84.70 + 15.13 + 6.05) × 2 × 1.5
    expect(earned.points).toBe(317)
    expect(earned.rule.tier).toBe("gold")
  })

  it("earns nothing in a currency the shop set no rate for", () => {
    expect(earnRateFor(DEFAULT_LOYALTY_SETTINGS, "usd")).toBeNull()
    expect(orderEarning({ ...order, currency_code: "usd" }, null, null)).toBeNull()
  })
})

describe("the points of items sent back", () => {
  const earned = orderEarning(order, earnRateFor(DEFAULT_LOYALTY_SETTINGS, "eur"), { id: "silver", multiplier: 2 })!

  it("are their share of the points, by the rule the order earned under", () => {
    // 165 points on 82.50; one shirt (35.00) back
    expect(earned.points).toBe(165)
    expect(pointsOfItems([earned], [{ item_id: "item_shirt", quantity: 1 }])).toBe(70)
  })
})

describe("an exchange's points", () => {
  // earned in Silver at 1 point a euro: 165 points on 82.50
  const earned = orderEarning(order, earnRateFor(DEFAULT_LOYALTY_SETTINGS, "eur"), { id: "silver", multiplier: 2 })!
  const jacket = { id: "item_jacket", quantity: 1, subtotal: 60, discount_subtotal: 0, total: 72.6 }

  it("earns the new items by the order's rate and multiplier, with the new items' values on the rule", () => {
    const swap = exchangeEarning(earned.rule, [jacket])!
    // 60.00 × 1 × 2
    expect(swap.points).toBe(120)
    expect(swap.rule).toEqual(expect.objectContaining({ points_per_unit: 1, multiplier: 2, tier: "silver", base_amount: 60, unit_values: { item_jacket: 60 } }))
    // with tax when the order's rate counted tax
    expect(exchangeEarning({ ...earned.rule, include_tax: true }, [jacket])!.points).toBe(145)
  })

  it("counts each item back by the entry that earned it, rounded once over all of them", () => {
    const swap = exchangeEarning(earned.rule, [jacket])!
    // a shirt (35.00 of the order's 82.50: 70) and the jacket (all 120 of its entry)
    expect(pointsOfItems([earned, swap], [{ item_id: "item_shirt", quantity: 1 }, { item_id: "item_jacket", quantity: 1 }])).toBe(190)
    // socks alone: 165 × 12.50 / 82.50 = 25; unknown items are worth nothing
    expect(pointsOfItems([earned, swap], [{ item_id: "item_socks", quantity: 1 }, { item_id: "item_gone", quantity: 3 }])).toBe(25)
  })
})
