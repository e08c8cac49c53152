import {
  confirmationGround,
  earningsOf,
  orderEarnOf,
  orderHoldings,
  returnReversals,
  orderPointsSummary,
  takeBack,
  type OrderLedgerLine,
} from "../loyalty-order-points"

const line = (type: string, points: number, deltas: Partial<OrderLedgerLine> = {}, customer_id = "cus_anna"): OrderLedgerLine => ({
  customer_id,
  type,
  points,
  pending_delta: 0,
  available_delta: 0,
  lifetime_delta: 0,
  ...deltas,
})
const earn = line("earn", 300, { pending_delta: 300, rule: { base_amount: 30, unit_values: { item_a: 10 } } })
const confirm = (points: number) => line("confirm", points, { pending_delta: -points, available_delta: points, lifetime_delta: points })

describe("what an order still holds", () => {
  it("is its pending points until they are confirmed, then its confirmed ones, less what was taken back", () => {
    expect(orderHoldings([earn])).toEqual([{ customer_id: "cus_anna", pending: 300, confirmed: 0 }])
    const partlyReturned = [earn, line("revert", -100, { pending_delta: -100 })]
    expect(orderHoldings(partlyReturned)).toEqual([{ customer_id: "cus_anna", pending: 200, confirmed: 0 }])
    expect(orderHoldings([...partlyReturned, confirm(200), line("revert", -50, { available_delta: -50, lifetime_delta: -50 })])).toEqual([
      { customer_id: "cus_anna", pending: 0, confirmed: 150 },
    ])
  })
})

describe("taking points back", () => {
  it("takes pending points first, the rest off available and lifetime", () => {
    expect(takeBack({ customer_id: "c", pending: 100, confirmed: 0 }, 40)).toEqual({
      points: -40,
      pending_delta: -40,
      available_delta: 0,
      lifetime_delta: 0,
    })
    expect(takeBack({ customer_id: "c", pending: 30, confirmed: 200 }, 80)).toEqual({
      points: -80,
      pending_delta: -30,
      available_delta: -50,
      lifetime_delta: -50,
    })
  })

  it("never takes more than the order holds, and writes nothing when it holds none", () => {
    expect(takeBack({ customer_id: "c", pending: 0, confirmed: 20 }, 500)?.points).toBe(-20)
    expect(takeBack({ customer_id: "c", pending: 0, confirmed: 0 }, 10)).toBeNull()
    expect(takeBack({ customer_id: "c", pending: 10, confirmed: 0 }, 0)).toBeNull()
  })
})

describe("an order with an exchange and a return in parts", () => {
  const swapEarn = line("earn", 120, { pending_delta: 120, rule: { base_amount: 60, unit_values: { item_b: 60 } }, metadata: { exchange_id: "exc_1" } })
  const reverted = (points: number, returnId: string) => line("revert", -points, { pending_delta: -points, metadata: { return_id: returnId } })

  it("earns by the order's own entry, and counts items back by every earn entry", () => {
    expect(orderEarnOf([swapEarn, earn])).toEqual({ customer_id: "cus_anna", points: 300, rule: earn.rule })
    expect(earningsOf([earn, swapEarn, line("earn", 50, { rule: {} }, "cus_other")], "cus_anna").map((e) => e.points)).toEqual([300, 120])
  })

  it("knows what each return took back so far", () => {
    const ledger = [earn, reverted(40, "ret_1"), reverted(60, "ret_2"), reverted(41, "ret_1")]
    expect(returnReversals(ledger, "ret_1", "cus_anna")).toEqual({ count: 2, points: 81 })
    expect(returnReversals(ledger, "ret_3", "cus_anna")).toEqual({ count: 0, points: 0 })
  })

  it("leaves out a line a failed workflow wrote and its undo: a reversal or an earning undone counts for nothing", () => {
    const undoneReversal = { ...reverted(40, "ret_1"), id: "pple_r" }
    const undoOfReversal = line("revert", 40, { id: "pple_u", pending_delta: 40, metadata: { reverts: "pple_r" } })
    expect(returnReversals([earn, undoneReversal, undoOfReversal], "ret_1", "cus_anna")).toEqual({ count: 0, points: 0 })

    const failedEarn = { ...earn, id: "pple_1" }
    const undoOfEarn = line("revert", -300, { id: "pple_2", pending_delta: -300, metadata: { reverts: "pple_1" } })
    const rerun = { ...earn, id: "pple_3" }
    expect(earningsOf([failedEarn, undoOfEarn, rerun], "cus_anna").map((e) => e.points)).toEqual([300])
  })
})

describe("when pending points are confirmed", () => {
  const closes = "2026-12-11T22:59:59.999Z"
  const delivered = { delivered_at: "2026-11-27T10:00:00.000Z", last_day: "2026-12-11", window_closes_at: closes }

  it("after the return window has closed, not a moment before", () => {
    expect(confirmationGround(delivered, new Date("2026-12-11T22:59:00.000Z"))).toBeNull()
    expect(confirmationGround(delivered, new Date(closes))).toBeNull()
    expect(confirmationGround(delivered, new Date("2026-12-11T23:00:00.000Z"))).toBe("window_closed")
  })

  it("as soon as a delivered order turns out to have nothing returnable; never before the delivery", () => {
    const nothing = { delivered_at: "2026-11-27T10:00:00.000Z", last_day: null, window_closes_at: null }
    expect(confirmationGround(nothing, new Date("2026-11-27T10:00:01.000Z"))).toBe("nothing_returnable")
    const undelivered = { delivered_at: null, last_day: null, window_closes_at: null }
    expect(confirmationGround(undelivered, new Date("2030-01-01T00:00:00.000Z"))).toBeNull()
  })
})

describe("an order's points in the admin", () => {
  it("adds up to what it earned: pending, confirmed and taken back", () => {
    const returnedAfterConfirming = [
      earn,
      line("revert", -100, { pending_delta: -100 }),
      confirm(200),
      line("revert", -50, { available_delta: -50, lifetime_delta: -50 }),
    ]
    expect(orderPointsSummary(returnedAfterConfirming)).toEqual({ earned: 300, pending: 0, confirmed: 150, reverted: 150 })
  })

  it("shows an undone confirmation as pending again, not as points taken", () => {
    // the line `revertEntries` appends for a confirmation: 0 points, the confirmed points back to pending
    const undo = line("revert", 0, { pending_delta: 300, available_delta: -300, lifetime_delta: -300 })
    expect(orderPointsSummary([earn, confirm(300), undo])).toEqual({ earned: 300, pending: 300, confirmed: 0, reverted: 0 })
  })

  it("counts an order earned again after a failed workflow once: the undone line and its undo cancel out", () => {
    const failedEarn = { ...earn, id: "pple_1" }
    const undo = line("revert", -300, { id: "pple_2", pending_delta: -300, metadata: { reverts: "pple_1" } })
    const rerun = { ...earn, id: "pple_3" }
    const returned = line("revert", -100, { id: "pple_4", pending_delta: -100 })
    expect(orderPointsSummary([failedEarn, undo, rerun, returned])).toEqual({ earned: 300, pending: 200, confirmed: 0, reverted: 100 })
  })
})
