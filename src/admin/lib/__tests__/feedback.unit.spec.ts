import { CATEGORY_BADGES, formatNps, orderLabel, orderPath, periodRange, shareOf } from "../feedback"

describe("the feedback page", () => {
  const now = new Date("2026-11-26T15:30:00Z")

  it("asks for the last 30, 90 or 365 days up to now", () => {
    expect(periodRange("30", { from: "", to: "" }, now)).toEqual({ range: { from: "2026-10-27T15:30:00.000Z", to: "2026-11-26T15:30:00.000Z" } })
    expect(periodRange("365", { from: "", to: "" }, now)).toEqual({ range: { from: "2025-11-26T15:30:00.000Z", to: "2026-11-26T15:30:00.000Z" } })
  })

  it("takes a chosen period from the start of its first day to the end of its last, in the admin's time zone", () => {
    const result = periodRange("custom", { from: "2026-11-01", to: "2026-11-01" }, now)
    expect(result).toEqual({ range: { from: new Date(2026, 10, 1).toISOString(), to: new Date(2026, 10, 2).toISOString() } })
  })

  it("says what is wrong with a chosen period instead of asking for it", () => {
    expect(periodRange("custom", { from: "2026-11-10", to: "2026-11-01" }, now)).toEqual({ problem: "The last day can’t be before the first." })
    expect(periodRange("custom", { from: "", to: "2026-11-01" }, now)).toEqual({ problem: "Choose the first and the last day." })
    expect(periodRange("custom", { from: "2026-02-30", to: "2026-03-01" }, now)).toEqual({ problem: "Choose the first and the last day." })
  })

  it("shows the NPS with its sign, and a dash without answers", () => {
    expect([formatNps(17), formatNps(-50), formatNps(0), formatNps(null)]).toEqual(["+17", "−50", "0", "–"])
    expect([shareOf(2, 6), shareOf(1, 3), shareOf(0, 0)]).toEqual(["33%", "33%", "0%"])
  })

  it("makes a detractor's answer stand out in red, asking to follow up, and links each answer to its order", () => {
    expect(CATEGORY_BADGES.detractor).toEqual({ label: "Detractor — follow up", color: "red" })
    expect(CATEGORY_BADGES.promoter.color).not.toBe("red")
    expect(CATEGORY_BADGES.passive.color).not.toBe("red")
    expect(orderPath({ order_id: "order_01ABC" })).toBe("/orders/order_01ABC")
    expect(orderLabel({ order_id: "order_01ABC", order_display_id: 1001 })).toBe("Order #1001")
    expect(orderLabel({ order_id: "order_01ABC", order_display_id: null })).toBe("order_01ABC")
  })
})
