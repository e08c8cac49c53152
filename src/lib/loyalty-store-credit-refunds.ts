import { pointsStillToTake, takenBack, type OrderLedgerLine } from "./loyalty-order-points"

/** A negative order credit line: money refunded to the customer's store credit (the loyalty plugin pays it out). */
export type StoreCreditRefund = { id: string; amount: number; created_at: string | Date }

/** An order's ledger line with the metadata the reversals leave: a return's id, a credit line's id. */
export type RefundLedgerLine = Pick<OrderLedgerLine, "id" | "customer_id" | "type" | "points"> & { metadata?: Record<string, unknown> | null }

/** The points one store-credit refund takes back from one customer. */
export type StoreCreditRefundReversal = { credit_line_id: string; refunded: number; points: number; worth: number }

/**
 * What the store-credit refunds of an order take back from its buyer, one
 * line per refund not yet counted. A refund is worth its share of what the
 * order was paid (`paid_total`: captured, before any refund) of the points it
 * earned. Returns and refunds together never take more than the larger of
 * what the returned items and what the refunds are worth (`takenBack`), so a
 * refund that pays for a returned item takes nothing more, whether it came
 * before the item was received or after. Refunds count oldest first, each
 * for what the refunds up to it are worth beyond what was taken, so a rerun
 * finds the counted ones in the ledger and adds nothing. `worth` goes on the
 * line, for the next count.
 */
export function storeCreditRefundReversals(input: {
  customer_id: string
  /** The points the order earned its buyer (the `earn` entry). */
  earned: number
  paid_total: number
  refunds: StoreCreditRefund[]
  /** The order's lines that stand (`standing`): an undone reversal counts for nothing. */
  ledger: RefundLedgerLine[]
}): StoreCreditRefundReversal[] {
  const { customer_id, earned, paid_total } = input
  if (earned <= 0 || paid_total <= 0) {
    return []
  }
  const counted = new Set(
    input.ledger
      .filter((line) => line.customer_id === customer_id && line.type === "revert")
      .map((line) => line.metadata?.credit_line_id)
      .filter((id): id is string => typeof id === "string")
  )
  const state = takenBack(input.ledger as OrderLedgerLine[], customer_id)
  const refunds = [...input.refunds].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  const reversals: StoreCreditRefundReversal[] = []
  let refunded = 0
  for (const refund of refunds) {
    refunded += refund.amount
    if (counted.has(refund.id)) {
      continue
    }
    const worth = Math.round((earned * Math.min(refunded, paid_total)) / paid_total)
    state.refunds = Math.max(state.refunds, worth)
    const points = pointsStillToTake(state)
    state.taken += points
    reversals.push({ credit_line_id: refund.id, refunded: refund.amount, points, worth })
  }
  return reversals
}
