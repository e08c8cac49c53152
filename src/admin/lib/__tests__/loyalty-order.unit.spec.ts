import { entryLabel, formatPoints, orderLoyaltyStatus, referrerHeading, type OrderLoyaltyEntry, type OrderLoyaltyResponse } from "../loyalty-order"

const entry = (type: OrderLoyaltyEntry["type"], points: number, pending_delta = 0): OrderLoyaltyEntry => ({
  id: `pple_${type}_${points}`,
  customer_id: "cus_anna",
  type,
  points,
  pending_delta,
  available_delta: 0,
  lifetime_delta: 0,
  reason: "Order #12",
  created_by: null,
  created_at: "2026-11-27T10:00:00.000Z",
})

const view = (patch: Partial<OrderLoyaltyResponse>): OrderLoyaltyResponse => ({
  customer_id: "cus_anna",
  earned: 789,
  confirmed: 0,
  reverted: 0,
  pending: 789,
  entries: [entry("earn", 789, 789)],
  referrers: [],
  ...patch,
})

const undelivered = { delivered_at: null, last_day: null, window_closes_at: null }
const delivered = { delivered_at: "2026-11-27T10:00:00.000Z", last_day: "2026-12-11", window_closes_at: "2026-12-11T22:59:59.999Z" }

describe("the order's loyalty widget", () => {
  it("says pending points wait for the return window, and until which day once the order is delivered", () => {
    expect(orderLoyaltyStatus(view({}), undelivered)).toEqual({
      tone: "pending",
      headline: "789 points pending",
      detail: "Confirmed once the return window closes; it starts when the order is delivered",
    })
    expect(orderLoyaltyStatus(view({}), delivered).detail).toBe("Confirmed after 11 December 2026, when the return window closes")
    expect(orderLoyaltyStatus(view({}), { ...delivered, last_day: null, window_closes_at: null }).detail).toBe(
      "Confirmed at the next daily run: nothing in this order can be returned"
    )
  })

  it("shows confirmed points, and how many of them a return took back", () => {
    const confirmed = view({ pending: 0, confirmed: 644, reverted: 145, entries: [entry("earn", 789), entry("revert", -145), entry("confirm", 644)] })
    expect(orderLoyaltyStatus(confirmed, delivered)).toEqual({
      tone: "confirmed",
      headline: "644 points confirmed",
      detail: "145 points of the 789 points earned were taken back",
    })
  })

  it("shows a canceled order's points as taken back, and an order without points as such", () => {
    const canceled = view({ pending: 0, reverted: 789, entries: [entry("earn", 789), entry("revert", -789)] })
    expect(orderLoyaltyStatus(canceled, undelivered)).toEqual({ tone: "reverted", headline: "All 789 points taken back", detail: null })
    expect(orderLoyaltyStatus(view({ earned: 0, pending: 0, entries: [] }), null)).toEqual({
      tone: "none",
      headline: "No points for this order",
      detail: null,
    })
  })

  it("writes each line with its sign, and names what a reversal did", () => {
    expect([formatPoints(789), formatPoints(-1450), formatPoints(0)]).toEqual(["+789", "\u22121,450", "0"])
    expect(entryLabel(entry("revert", -145))).toBe("Taken back")
    expect(entryLabel(entry("revert", 145))).toBe("Given back")
    expect(entryLabel(entry("revert", 0, 644))).toBe("Pending again")
    expect(entryLabel(entry("confirm", 644, -644))).toBe("Confirmed")
  })

  it("shows a referrer's bonus apart from the buyer's points, by its own totals and under the referrer's name", () => {
    const referrer = { customer_id: "cus_rita", name: "Rita Referrer", email: "rita@example.com", earned: 200, confirmed: 0, reverted: 0, pending: 200, entries: [entry("bonus", 200, 200)] }
    const guestOrder = view({ earned: 0, pending: 0, entries: [], referrers: [referrer] })
    expect(orderLoyaltyStatus(guestOrder, delivered).headline).toBe("No points for this order")
    expect(referrerHeading(referrer)).toBe("Referral bonus for Rita Referrer")
    expect(orderLoyaltyStatus(referrer, delivered)).toEqual({
      tone: "pending",
      headline: "200 points pending",
      detail: "Confirmed after 11 December 2026, when the return window closes",
    })
  })
})
