import { pointsStillToTake, takenBack, type OrderLedgerLine } from "../loyalty-order-points"
import { storeCreditRefundReversals, type RefundLedgerLine } from "../loyalty-store-credit-refunds"

const earn: RefundLedgerLine = { customer_id: "cus_anna", type: "earn", points: 110 }
const order = { customer_id: "cus_anna", earned: 110, paid_total: 110 }
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute)).toISOString()

describe("storeCreditRefundReversals", () => {
  it("takes back the refunded share of the order's points: €22 of €110 is 22 of 110 points", () => {
    expect(storeCreditRefundReversals({ ...order, refunds: [{ id: "ordcl_1", amount: 22, created_at: at(1) }], ledger: [earn] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 22, points: 22, worth: 22 },
    ])
  })

  it("takes nothing more for a refund that pays for a returned item, only what it refunds beyond", () => {
    const returned: RefundLedgerLine = { customer_id: "cus_anna", type: "revert", points: -50, metadata: { return_id: "ret_1" } }
    const paysForReturn = { id: "ordcl_1", amount: 50, created_at: at(1) }
    expect(storeCreditRefundReversals({ ...order, refunds: [paysForReturn], ledger: [earn, returned] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 50, points: 0, worth: 50 },
    ])
    // €60 refunded for a €50 return: the €10 beyond it takes 10 points
    const beyond = { id: "ordcl_2", amount: 10, created_at: at(2) }
    expect(storeCreditRefundReversals({ ...order, refunds: [paysForReturn, beyond], ledger: [earn, returned] })).toEqual([
      { credit_line_id: "ordcl_1", refunded: 50, points: 0, worth: 50 },
      { credit_line_id: "ordcl_2", refunded: 10, points: 10, worth: 60 },
    ])
  })

  it("counts each refund once: a rerun finds it in the ledger, and the next refund only adds its own share", () => {
    const first = { id: "ordcl_1", amount: 22, created_at: at(1) }
    const counted: RefundLedgerLine = { customer_id: "cus_anna", type: "revert", points: -22, metadata: { credit_line_id: "ordcl_1" } }
    expect(storeCreditRefundReversals({ ...order, refunds: [first], ledger: [earn, counted] })).toEqual([])
    const second = { id: "ordcl_2", amount: 33, created_at: at(2) }
    expect(storeCreditRefundReversals({ ...order, refunds: [second, first], ledger: [earn, counted] })).toEqual([
      { credit_line_id: "ordcl_2", refunded: 33, points: 33, worth: 55 },
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
      { credit_line_id: "ordcl_1", refunded: 22, points: 22, worth: 22 },
    ])
  })

  it("a refund to store credit made before the return arrived: the receipt takes only what the refund did not", () => {
    // €49.95 of an €83.90 order earning 78 points is refunded to store credit as soon as the return is requested: 46
    const paid = { customer_id: "cus_anna", earned: 78, paid_total: 83.9 }
    const [refund] = storeCreditRefundReversals({ ...paid, refunds: [{ id: "ordcl_1", amount: 49.95, created_at: at(1) }], ledger: [earn] })
    expect(refund).toEqual({ credit_line_id: "ordcl_1", refunded: 49.95, points: 46, worth: 46 })
    const refunded: OrderLedgerLine = { customer_id: "cus_anna", type: "revert", points: -46, pending_delta: -46, available_delta: 0, lifetime_delta: 0, metadata: { credit_line_id: "ordcl_1", worth: 46 } }
    // then the shirt arrives, worth 49 points by the order's rule: 3 more, 49 in all, not 46 + 49
    const before = takenBack([refunded], "cus_anna", "ret_1")
    expect(pointsStillToTake({ ...before, returns: before.returns + 49 })).toBe(3)
    // and a later return of the coffee (13 points) takes its own share in full
    const shirtBack: OrderLedgerLine = { customer_id: "cus_anna", type: "revert", points: -3, pending_delta: -3, available_delta: 0, lifetime_delta: 0, metadata: { return_id: "ret_1", share: 49 } }
    const later = takenBack([refunded, shirtBack], "cus_anna", "ret_2")
    expect(pointsStillToTake({ ...later, returns: later.returns + 13 })).toBe(13)
  })
})
