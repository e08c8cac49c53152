import { returnedValue, refundReversals, type RefundLedgerLine } from "../loyalty-refunds"

const earn: RefundLedgerLine = { customer_id: "cus_anna", type: "earn", points: 110 }
const order = { customer_id: "cus_anna", earned: 110, paid_total: 110, returned_value: 0 }
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute)).toISOString()

describe("refundReversals", () => {
  it("takes back the refunded share of the order's points: €22 of €110 is 22 of 110 points", () => {
    expect(refundReversals({ ...order, refunds: [{ id: "ordcl_1", kind: "store_credit" as const, amount: 22, created_at: at(1) }], ledger: [earn] })).toEqual([
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 22, points: 22 },
    ])
  })

  it("takes nothing for a refund that pays for a returned item, whether it came before the item arrived or after; only what it refunds beyond", () => {
    // a €50 item requested back (or received): its return takes its points, its refund nothing
    const paysForReturn = { id: "ordcl_1", kind: "store_credit" as const, amount: 50, created_at: at(1) }
    expect(refundReversals({ ...order, returned_value: 50, refunds: [paysForReturn], ledger: [earn] })).toEqual([
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 50, points: 0 },
    ])
    // €60 refunded for a €50 return: the €10 beyond it takes 10 points
    const beyond = { id: "ordcl_2", kind: "store_credit" as const, amount: 10, created_at: at(2) }
    expect(refundReversals({ ...order, returned_value: 50, refunds: [paysForReturn, beyond], ledger: [earn] })).toEqual([
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 50, points: 0 },
      { refund: { id: "ordcl_2", kind: "store_credit" }, refunded: 10, points: 10 },
    ])
  })

  it("counts each refund once: a rerun finds it in the ledger, and the next refund only adds its own share", () => {
    const first = { id: "ordcl_1", kind: "store_credit" as const, amount: 22, created_at: at(1) }
    const counted: RefundLedgerLine = { customer_id: "cus_anna", type: "revert", points: -22, metadata: { credit_line_id: "ordcl_1" } }
    expect(refundReversals({ ...order, refunds: [first], ledger: [earn, counted] })).toEqual([])
    const second = { id: "ordcl_2", kind: "store_credit" as const, amount: 33, created_at: at(2) }
    expect(refundReversals({ ...order, refunds: [second, first], ledger: [earn, counted] })).toEqual([
      { refund: { id: "ordcl_2", kind: "store_credit" }, refunded: 33, points: 33 },
    ])
  })

  it("never takes more than the order earned, and nothing from an order that earned nothing", () => {
    const all = [
      { id: "ordcl_1", kind: "store_credit" as const, amount: 100, created_at: at(1) },
      { id: "ordcl_2", kind: "store_credit" as const, amount: 30, created_at: at(2) },
    ]
    expect(refundReversals({ ...order, refunds: all, ledger: [earn] }).map((r) => r.points)).toEqual([100, 10])
    expect(refundReversals({ ...order, earned: 0, refunds: all, ledger: [] })).toEqual([])
  })

  it("leaves another customer's lines alone: a referrer's bonus on the order is not the buyer's refund", () => {
    const referrer: RefundLedgerLine = { customer_id: "cus_ben", type: "revert", points: -40, metadata: { credit_line_id: "ordcl_1" } }
    expect(refundReversals({ ...order, refunds: [{ id: "ordcl_1", kind: "store_credit" as const, amount: 22, created_at: at(1) }], ledger: [earn, referrer] })).toEqual([
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 22, points: 22 },
    ])
  })

  it("values the items coming back at what was paid for them, each unit requested, received or received damaged", () => {
    const items = [
      // one of two bags at €14.50 sent back, not yet received
      { return_requested_total: 14.5, return_received_total: 0, return_dismissed_total: 0 },
      // the shirt received back
      { return_requested_total: 0, return_received_total: 49.95, return_dismissed_total: 0 },
      // nothing of the tote
      {},
    ]
    expect(returnedValue(items)).toBe(64.45)
    expect(returnedValue([])).toBe(0)
  })



  it("counts refunds to the payment like refunds to store credit, each once, oldest first", () => {
    const cash = { id: "refund_1", kind: "payment" as const, amount: 22, created_at: at(1) }
    const credit = { id: "ordcl_1", kind: "store_credit" as const, amount: 11, created_at: at(2) }
    expect(refundReversals({ ...order, refunds: [credit, cash], ledger: [earn] })).toEqual([
      { refund: { id: "refund_1", kind: "payment" }, refunded: 22, points: 22 },
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 11, points: 11 },
    ])
    const counted: RefundLedgerLine = { customer_id: "cus_anna", type: "revert", points: -22, metadata: { refund_id: "refund_1" } }
    expect(refundReversals({ ...order, refunds: [credit, cash], ledger: [earn, counted] })).toEqual([
      { refund: { id: "ordcl_1", kind: "store_credit" }, refunded: 11, points: 11 },
    ])
  })
})
