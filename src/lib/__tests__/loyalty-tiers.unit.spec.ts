import { loyaltySettingsSchema } from "../../modules/loyalty/settings"
import { orderSpend, tierFor } from "../loyalty-tiers"

const settings = loyaltySettingsSchema.parse({
  enabled: true,
  tiers: {
    levels: [
      { id: "gold", name: "Gold", threshold: 500 },
      { id: "silver", name: "Silver", threshold: 100 },
    ],
  },
})

describe("tierFor", () => {
  it("the highest tier whose threshold is reached; none below the first", () => {
    expect(tierFor(settings, 99)).toBeNull()
    expect(tierFor(settings, 100)?.id).toBe("silver")
    expect(tierFor(settings, 499)?.id).toBe("silver")
    expect(tierFor(settings, 500)?.id).toBe("gold")
  })
})

describe("orderSpend", () => {
  it("each item's total for what was kept: a received or dismissed return comes off, a requested one not yet", () => {
    const order = {
      items: [
        { quantity: 2, total: 29, detail: { return_received_quantity: 1, return_dismissed_quantity: 0 } },
        { quantity: 1, total: { value: "49.95" }, detail: { return_requested_quantity: 1 } },
      ],
    }
    expect(orderSpend(order)).toBe(64.45)
    expect(orderSpend({ items: [] })).toBe(0)
  })
})
