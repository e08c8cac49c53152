import { amount } from "./loyalty-earning"
import type { OrderLedgerLine } from "./loyalty-order-points"

/**
 * Money an order gave back: a refund of its payment (`payment`), or a
 * negative credit line, which Medusa's loyalty plugin pays onto the
 * customer's store-credit account (`store_credit`).
 */
export type OrderRefund = { id: string; kind: "payment" | "store_credit"; amount: number; created_at: string | Date }

/** Where a reversal line keeps the refund it counted, by kind. */
export const REFUND_METADATA_KEY = { payment: "refund_id", store_credit: "credit_line_id" } as const

/** An order's ledger line with the metadata the reversals leave: a return's id, a refund's or a credit line's id. */
export type RefundLedgerLine = Pick<OrderLedgerLine, "id" | "customer_id" | "type" | "points"> & { metadata?: Record<string, unknown> | null }

/** The points one refund takes back from one customer. */
export type RefundReversal = { refund: Pick<OrderRefund, "id" | "kind">; refunded: number; points: number }

/**
 * What the refunds of an order, to its payment or to store credit, take back from its buyer, one
 * line per refund not yet counted. Money can come back twice for one item, as
 * the item (its return takes its points back by the order's rule) and as the
 * refund that pays for it, and Medusa does not link the two: so refunds count
 * only for the money they give back beyond the value of the items coming back
 * (`returned_value`: requested or received in returns), each such euro worth
 * its share of what the order was paid (`paid_total`: captured, before any
 * refund) of the points it earned. A refund for a returned item, before or
 * after it arrives, takes nothing; a refund for anything else (an item taken
 * off by an order edit, goodwill) takes its share. Refunds count oldest
 * first, each for what the refunds up to it are worth beyond what earlier
 * ones took, so a rerun finds the counted ones in the ledger and adds nothing.
 */
export function refundReversals(input: {
  customer_id: string
  /** The points the order earned its buyer (the `earn` entry). */
  earned: number
  paid_total: number
  /** What the items in the order's returns are worth, requested or received: the money refunds for them give back. */
  returned_value: number
  refunds: OrderRefund[]
  /** The order's lines that stand (`standing`): an undone reversal counts for nothing. */
  ledger: RefundLedgerLine[]
}): RefundReversal[] {
  const { customer_id, earned, paid_total, returned_value } = input
  if (earned <= 0 || paid_total <= 0) {
    return []
  }
  const refundIdOf = (line: RefundLedgerLine) => line.metadata?.refund_id ?? line.metadata?.credit_line_id
  const mine = input.ledger.filter((line) => line.customer_id === customer_id && line.type === "revert" && typeof refundIdOf(line) === "string")
  const counted = new Set(mine.map((line) => refundIdOf(line) as string))
  let taken = mine.reduce((sum, line) => sum - line.points, 0)
  const refunds = [...input.refunds].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || a.id.localeCompare(b.id))
  const reversals: RefundReversal[] = []
  let refunded = 0
  for (const refund of refunds) {
    refunded += refund.amount
    if (counted.has(refund.id)) {
      continue
    }
    const beyondReturns = Math.min(Math.max(refunded - returned_value, 0), paid_total)
    const worth = Math.round((earned * beyondReturns) / paid_total)
    const points = Math.max(worth - taken, 0)
    taken += points
    reversals.push({ refund: { id: refund.id, kind: refund.kind }, refunded: refund.amount, points })
  }
  return reversals
}

/** The item totals Medusa computes for what is coming back (net of discounts, with tax, per unit of the full quantity). */
export const RETURNED_TOTAL_FIELDS = ["items.return_requested_total", "items.return_received_total", "items.return_dismissed_total"]

export type ReturnedItemTotals = { return_requested_total?: unknown; return_received_total?: unknown; return_dismissed_total?: unknown }

/**
 * What the order's items coming back are worth, in what the customer paid
 * for them: every unit requested in a return, received or received damaged,
 * by Medusa's own totals (the item's `total` drops as units come back, so it
 * is no measure of them).
 */
export function returnedValue(items: ReturnedItemTotals[]): number {
  const value = items.reduce(
    (sum, item) =>
      sum + amount(item.return_requested_total as number) + amount(item.return_received_total as number) + amount(item.return_dismissed_total as number),
    0
  )
  return Math.round(value * 100) / 100
}
