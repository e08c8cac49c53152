import type { OrderLedgerLine } from "./loyalty-order-points"

/** A negative order credit line: money refunded to the customer's store credit (the loyalty plugin pays it out). */
export type StoreCreditRefund = { id: string; amount: number; created_at: string | Date }

/** An order's ledger line with the metadata the reversals leave: a return's id, a credit line's id. */
export type RefundLedgerLine = Pick<OrderLedgerLine, "customer_id" | "type" | "points"> & { metadata?: Record<string, unknown> | null }

/** The points one store-credit refund takes back from one customer. */
export type StoreCreditRefundReversal = { credit_line_id: string; refunded: number; points: number }

/**
 * What the store-credit refunds of an order take back from its buyer, one
 * line per refund not yet counted. A refund is worth its share of what the
 * order was paid (`paid_total`: captured, before any refund) of the points it earned. Points a
 * received return already took back are not taken twice: the refunds count
 * only for what they refund beyond them, which is why a refund that pays for
 * a returned item takes nothing more. Refunds count oldest first, each for
 * what the refunds up to it take beyond what earlier ones took, so a rerun
 * finds the counted ones in the ledger and adds nothing.
 */
export function storeCreditRefundReversals(input: {
  customer_id: string
  /** The points the order earned its buyer (the `earn` entry). */
  earned: number
  paid_total: number
  refunds: StoreCreditRefund[]
  ledger: RefundLedgerLine[]
}): StoreCreditRefundReversal[] {
  const { customer_id, earned, paid_total } = input
  if (earned <= 0 || paid_total <= 0) {
    return []
  }
  const mine = input.ledger.filter((line) => line.customer_id === customer_id && line.type === "revert")
  const takenBy = (key: "return_id" | "credit_line_id") =>
    mine.filter((line) => typeof line.metadata?.[key] === "string").reduce((sum, line) => sum - line.points, 0)
  const counted = new Set(mine.map((line) => line.metadata?.credit_line_id).filter((id): id is string => typeof id === "string"))
  const byReturns = takenBy("return_id")
  let byRefunds = takenBy("credit_line_id")

  const refunds = [...input.refunds].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  const reversals: StoreCreditRefundReversal[] = []
  let refunded = 0
  for (const refund of refunds) {
    refunded += refund.amount
    if (counted.has(refund.id)) {
      continue
    }
    const worth = Math.round((earned * Math.min(refunded, paid_total)) / paid_total)
    const points = Math.max(worth - byReturns - byRefunds, 0)
    byRefunds += points
    reversals.push({ credit_line_id: refund.id, refunded: refund.amount, points })
  }
  return reversals
}
