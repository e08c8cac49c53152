import type { NewLedgerEntry } from "../modules/loyalty/service"
import type { EarnRule, RecordedEarning } from "./loyalty-earning"
import type { OrderReturnTerms } from "./return-terms"

/** An order's ledger line as `orderLedger` answers it. */
export type OrderLedgerLine = {
  id?: string
  customer_id: string
  type: string
  points: number
  pending_delta: number
  available_delta: number
  lifetime_delta: number
  rule?: Record<string, unknown> | null
  /** `reverts`: on the line `revertEntries` appended to undo a failed workflow's line, that line's id. */
  metadata?: Record<string, unknown> | null
}

/** What an order's entries still give one customer: points pending, and points confirmed and not taken back. */
export type OrderHolding = { customer_id: string; pending: number; confirmed: number }

/**
 * What the order still holds, per customer: its pending points, and its
 * confirmed ones (the order's share of `lifetime`, which only confirming
 * raises and only a reversal lowers; spending is never tied to an order).
 */
export function orderHoldings(entries: OrderLedgerLine[]): OrderHolding[] {
  const byCustomer = new Map<string, OrderHolding>()
  for (const entry of entries) {
    const holding = byCustomer.get(entry.customer_id) ?? { customer_id: entry.customer_id, pending: 0, confirmed: 0 }
    holding.pending += entry.pending_delta
    holding.confirmed += entry.lifetime_delta
    byCustomer.set(entry.customer_id, holding)
  }
  return [...byCustomer.values()].map((holding) => ({
    customer_id: holding.customer_id,
    pending: Math.max(holding.pending, 0),
    confirmed: Math.max(holding.confirmed, 0),
  }))
}

/**
 * The deltas of a reversal of `points`: pending points first, as they were
 * never spendable; the rest comes off available and lifetime. Available may
 * go below zero when those points were already spent: the debt shows in the
 * ledger and the next points earned pay it off.
 */
export function takeBack(
  holding: OrderHolding,
  points: number
): Pick<NewLedgerEntry, "points" | "pending_delta" | "available_delta" | "lifetime_delta"> | null {
  const total = Math.min(Math.max(points, 0), holding.pending + holding.confirmed)
  if (total <= 0) {
    return null
  }
  const fromPending = Math.min(total, holding.pending)
  const fromConfirmed = total - fromPending
  const negative = (value: number) => (value ? -value : 0)
  return { points: -total, pending_delta: negative(fromPending), available_delta: negative(fromConfirmed), lifetime_delta: negative(fromConfirmed) }
}

/**
 * Every `earn` entry of a customer on the order, with its rule: the order's
 * own, then one per exchange whose new items earned.
 */
export function earningsOf(entries: OrderLedgerLine[], customerId: string): RecordedEarning[] {
  return standing(entries)
    .filter((entry) => entry.type === "earn" && entry.rule && entry.customer_id === customerId)
    .map((entry) => ({ points: entry.points, rule: entry.rule as unknown as EarnRule }))
}

/** The order's own `earn` entry (not an exchange's): the rule an exchange's new items earn by. */
export function orderEarnOf(entries: OrderLedgerLine[]): (RecordedEarning & { customer_id: string }) | null {
  const earn = standing(entries).find((entry) => entry.type === "earn" && entry.rule && !entry.metadata?.exchange_id)
  return earn ? { customer_id: earn.customer_id, points: earn.points, rule: earn.rule as unknown as EarnRule } : null
}

/** The reversals a return has written for a customer so far: how many, and the points they took. */
export function returnReversals(entries: OrderLedgerLine[], returnId: string, customerId: string): { count: number; points: number } {
  const reversals = standing(entries).filter(
    (entry) => entry.type === "revert" && entry.customer_id === customerId && entry.metadata?.return_id === returnId
  )
  return { count: reversals.length, points: reversals.reduce((sum, entry) => sum - entry.points, 0) }
}

/** Why an order's pending points can be confirmed at `now`. */
export type ConfirmationGround = "window_closed" | "nothing_returnable"

/**
 * Whether an order's pending points can be confirmed at `now`, by the
 * returns policy's own answer (`loadOrderReturnTerms`): once the window has
 * closed, or once it is delivered and nothing of it could be returned at all.
 * Null while something of it can still come back, or before the delivery is
 * known (the window has not started).
 */
export function confirmationGround(
  terms: Pick<OrderReturnTerms, "window_closes_at" | "delivered_at" | "last_day">,
  now: Date
): ConfirmationGround | null {
  if (terms.window_closes_at && now.getTime() > new Date(terms.window_closes_at).getTime()) {
    return "window_closed"
  }
  if (terms.delivered_at && !terms.last_day) {
    return "nothing_returnable"
  }
  return null
}

/**
 * What an order did for its customer's points, for the admin: `earned` on
 * it, `pending` still, `confirmed` and still held, `reverted` (taken back).
 * A line a failed workflow wrote and its undo cancel out and are left out,
 * so an order earned again by the rerun counts once: earned = pending +
 * confirmed + reverted.
 */
export function orderPointsSummary(entries: OrderLedgerLine[]) {
  let earned = 0
  let reverted = 0
  let pending = 0
  let confirmed = 0
  for (const entry of standing(entries)) {
    if (entry.type === "earn" || entry.type === "bonus") earned += entry.points
    if (entry.type === "revert") reverted -= entry.points
    pending += entry.pending_delta
    confirmed += entry.lifetime_delta
  }
  return { earned, confirmed, reverted, pending }
}

/**
 * The lines that stand: without a line a failed workflow wrote and the line
 * that undid it (`revertEntries`), which cancel out. What an order earned,
 * what a return took back, is read from these, so a rerun after an undo
 * counts once.
 */
export function standing<T extends OrderLedgerLine>(entries: T[]): T[] {
  const ids = new Set(entries.map((entry) => entry.id))
  const undone = new Set(entries.map((entry) => undoneBy(entry)).filter((id): id is string => !!id && ids.has(id)))
  return entries.filter((entry) => {
    const target = undoneBy(entry)
    return !((entry.id && undone.has(entry.id)) || (target && undone.has(target)))
  })
}

/** The id of the line this one undoes (`revertEntries`), or null. */
const undoneBy = (entry: OrderLedgerLine): string | null =>
  entry.type === "revert" && typeof entry.metadata?.reverts === "string" ? entry.metadata.reverts : null

/** "#1042", the number the customer knows: how the ledger's reasons name an order. */
export const orderNumber = (order: { id: string; display_id?: number | string | null }) => (order.display_id ? `#${order.display_id}` : order.id)

/**
 * The lock every workflow that writes an order's points holds while it reads
 * what the order holds and writes: a return received while the order is
 * being confirmed or canceled must not count the same points twice.
 */
export const orderPointsLockKey = (orderId: string) => `pp-loyalty-order:${orderId}`

/** How long such a workflow waits for the lock, and how long it may hold it at most (seconds). */
export const ORDER_POINTS_LOCK = { timeout: 30, ttl: 120 } as const
