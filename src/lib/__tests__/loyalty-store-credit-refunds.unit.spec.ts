import { returnedValue, storeCreditRefundReversals, type RefundLedgerLine } from "../loyalty-store-credit-refunds"

const earn: RefundLedgerLine = { customer_id: "cus_anna", type: "earn", points: 110 }
const order = { customer_id: "cus_anna", earned: 110, paid_total: 110, returned_value: 0 }
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute)).toISOString()

describe("storeCreditRefundReversals", () => {
  it("takes back the refunded share of the order's points: €22 of €110 is 22 of 110 points", () => {
    expect(storeCreditRefundReversals({ ...order, refunds: [{ id: "ordcl_1", amount: 22, created_at: at(1) }], ledger: [earn] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 22, points: 22 },
    ])
  })

  it("takes nothing for a refund that pays for a returned item, whether it came before the item arrived or after; only what it refunds beyond", () => {
    // a €50 item requested back (or received): its return takes its points, its refund nothing
    const paysForReturn = { id: "ordcl_1", amount: 50, created_at: at(1) }
    expect(storeCreditRefundReversals({ ...order, returned_value: 50, refunds: [paysForReturn], ledger: [earn] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 50, points: 0 },
    ])
    // €60 refunded for a €50 return: the €10 beyond it takes 10 points
    const beyond = { id: "ordcl_2", amount: 10, created_at: at(2) }
    expect(storeCreditRefundReversals({ ...order, returned_value: 50, refunds: [paysForReturn, beyond], ledger: [earn] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 50, points: 0 },
      { credit_line_id: "ordcl_2", refunded: 10, points: 10 },
    ])
  })

  it("counts each refund once: a rerun finds it in the ledger, and the next refund only adds its own share", () => {
    const first = { id: "ordcl_1", amount: 22, created_at: at(1) }
    const counted: RefundLedgerLine = { customer_id: "cus_anna", type: "revert", points: -22, metadata: { credit_line_id: "ordcl_1" } }
    expect(storeCreditRefundReversals({ ...order, refunds: [first], ledger: [earn, counted] })).toEqual([])
    const second = { id: "ordcl_2", amount: 33, created_at: at(2) }
    expect(storeCreditRefundReversals({ ...order, refunds: [second, first], ledger: [earn, counted] })).toEqual([
      { credit_line_id: "ordcl_2", refunded: 33, points: 33 },
    ])
  })

  it("never takes more than the order earned, and nothing from an order that earned nothing", () => {
    const all = [
      { id: "ordcl_1", amount: 100, created_at: at(1) },
      { id: "ordcl_2", amount: 30, created_at: at(2) },
    ]
    expect(storeCreditRefundReversals({ ...order, refunds: all, ledger: [earn] }).map((r) => r.points)).toEqual([100, 10])
    expect(storeCreditRefundReversals({ ...order, earned: 0, refunds: all, ledger: [] })).toEqual([])
  })

  it("leaves another customer's lines alone: a referrer's bonus on the order is not the buyer's refund", () => {
    const referrer: RefundLedgerLine = { customer_id: "cus_ben", type: "revert", points: -40, metadata: { credit_line_id: "ordcl_1" } }
    expect(storeCreditRefundReversals({ ...order, refunds: [{ id: "ordcl_1", amount: 22, created_at: at(1) }], ledger: [earn, referrer] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 22, points: 22 },
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


})
