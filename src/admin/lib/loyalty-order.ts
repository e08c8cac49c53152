import { formatDay } from "./return-policy"
import type { OrderReturnTermsView } from "./types"

/**
 * The order widget's words for what an order did to its customer's points:
 * the headline (pending until when, confirmed, taken back) and a line per
 * ledger entry.
 */

export type OrderLoyaltyEntryType = "earn" | "confirm" | "redeem" | "revert" | "expire" | "adjust" | "bonus"

/** A ledger line of the order, as `GET /admin/post-purchase/orders/:id/loyalty` answers it. */
export interface OrderLoyaltyEntry {
  id: string
  customer_id: string
  type: OrderLoyaltyEntryType
  points: number
  pending_delta: number
  available_delta: number
  lifetime_delta: number
  reason: string
  created_by: string | null
  created_at: string
}

/** One customer's points on the order: what it earned them, and where those points stand. */
export interface OrderPointsTotals {
  /** Points the order earned. */
  earned: number
  /** Of them, confirmed and still held. */
  confirmed: number
  /** Taken back: canceled or returned. */
  reverted: number
  /** Still pending: the return window has not closed. */
  pending: number
  entries: OrderLoyaltyEntry[]
}

/** A member who referred the buyer: their bonus waits on this order's return window, apart from the buyer's points. */
export interface OrderLoyaltyReferrer extends OrderPointsTotals {
  customer_id: string
  /** The member's name, or their email when they have none. */
  name: string
  email: string | null
}

/** The buyer's points for the order (the totals), and each referrer's bonus on it. */
export interface OrderLoyaltyResponse extends OrderPointsTotals {
  customer_id: string | null
  referrers: OrderLoyaltyReferrer[]
}

const MINUS = "\u2212"

/** "+789", "−145", "0": a typographic minus, as the ledger's lines read. */
export const formatPoints = (points: number) =>
  points > 0 ? `+${points.toLocaleString("en-GB")}` : points < 0 ? `${MINUS}${(-points).toLocaleString("en-GB")}` : "0"

const count = (points: number) => `${points.toLocaleString("en-GB")} ${Math.abs(points) === 1 ? "point" : "points"}`

export type OrderLoyaltyStatus = {
  tone: "none" | "pending" | "confirmed" | "reverted"
  headline: string
  /** When pending points are confirmed, or what became of them. */
  detail: string | null
}

type Terms = Pick<OrderReturnTermsView, "delivered_at" | "last_day" | "window_closes_at">

/** Where the order's points stand; `terms` (the order's return terms) say until when they stay pending. */
export function orderLoyaltyStatus(view: OrderPointsTotals, terms: Terms | null): OrderLoyaltyStatus {
  if (!view.entries.length) {
    return { tone: "none", headline: "No points for this order", detail: null }
  }
  if (view.pending > 0) {
    return { tone: "pending", headline: `${count(view.pending)} pending`, detail: pendingUntil(terms) }
  }
  if (view.confirmed > 0) {
    return {
      tone: "confirmed",
      headline: `${count(view.confirmed)} confirmed`,
      detail: view.reverted > 0 ? `${count(view.reverted)} of the ${count(view.earned)} earned were taken back` : null,
    }
  }
  return {
    tone: "reverted",
    headline: view.earned > 0 ? `All ${count(view.earned)} taken back` : "No points for this order",
    detail: null,
  }
}

function pendingUntil(terms: Terms | null): string {
  if (terms?.last_day) {
    return `Confirmed after ${formatDay(terms.last_day)}, when the return window closes`
  }
  if (terms?.delivered_at) {
    return "Confirmed at the next daily run: nothing in this order can be returned"
  }
  return "Confirmed once the return window closes; it starts when the order is delivered"
}

const TYPE_LABELS: Record<OrderLoyaltyEntryType, string> = {
  earn: "Earned",
  confirm: "Confirmed",
  redeem: "Spent",
  revert: "Taken back",
  expire: "Expired",
  adjust: "Adjusted",
  bonus: "Bonus",
}

/** What a ledger line did, in a word: a reversal that gave points back (a failed workflow's undo) says so. */
export function entryLabel(entry: Pick<OrderLoyaltyEntry, "type" | "points" | "pending_delta">): string {
  if (entry.type === "revert" && entry.points > 0) {
    return "Given back"
  }
  if (entry.type === "revert" && entry.points === 0 && entry.pending_delta > 0) {
    return "Pending again"
  }
  return TYPE_LABELS[entry.type] ?? entry.type
}

/** The heading of a referrer's part of the widget: whose bonus it is. */
export const referrerHeading = (referrer: Pick<OrderLoyaltyReferrer, "name">) => `Referral bonus for ${referrer.name}`
