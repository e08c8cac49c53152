import { TZDate } from "@date-fns/tz"
import { lastDayOf, type OrderReturnTerms } from "./return-terms"
import { returnStatus, type OrderItemQuantities } from "./returns"

/** The hour of the shop's wall clock the "return window closing" email is due at: the morning of its day. */
export const WINDOW_CLOSING_HOUR = 9

/**
 * The order's last day to return, counted from `delivered`: the latest of its
 * items' windows as the order's return terms give them (the policy version it
 * was placed under, the EU's 14 days), on the shop's calendar. Null when no
 * item can be returned at all (no policy, excluded, an Article 16 exception).
 */
export function lastDayFrom(terms: OrderReturnTerms, delivered: Date, timeZone: string): string | null {
  const windows = terms.items.filter((item) => item.basis !== null && item.window_days !== null).map((item) => item.window_days!)
  return windows.length ? lastDayOf(delivered, Math.max(...windows), timeZone) : null
}

/** `hour` o’clock on the shop's wall clock, `daysBefore` days before `day` (YYYY-MM-DD): daylight saving included. */
export function morningBefore(day: string, daysBefore: number, timeZone: string, hour = WINDOW_CLOSING_HOUR): Date {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(new TZDate(year, month - 1, date - daysBefore, hour, 0, timeZone).getTime())
}

/**
 * When the "return window closing" email is due for an order delivered at
 * `delivered`: the morning `daysBefore` days before its last day to return.
 * Null when there is nothing to remind of: the order has no returns policy,
 * nothing of it can be returned, or that morning is not after the delivery
 * (a window of `daysBefore` days or less) or has already passed.
 */
export function windowClosingDueAt(
  terms: OrderReturnTerms | undefined,
  delivered: Date,
  { daysBefore, timeZone, now }: { daysBefore: number; timeZone: string; now: Date }
): Date | null {
  if (!terms?.policy) {
    return null
  }
  const lastDay = lastDayFrom(terms, delivered, timeZone)
  if (!lastDay) {
    return null
  }
  const due = morningBefore(lastDay, daysBefore, timeZone)
  return due > delivered && due > now ? due : null
}

/**
 * Why the reminder should not go out after all, as the order stands at send
 * time, or null when it still should: something of the order was returned or
 * is in a return, the window has closed, or nothing can go back any more.
 * With no delivery known yet there is no window to close: the flow waits for
 * the parcel instead (`notBeforeDelivery`).
 */
export function windowClosingSkipReason(
  items: OrderItemQuantities[],
  terms: OrderReturnTerms | undefined,
  now: Date
): string | null {
  if (returnStatus(items) !== "none") {
    return "Something of the order was returned or is being returned"
  }
  if (!terms?.policy) {
    return "The order was placed without a returns policy"
  }
  if (terms.window_closes_at && now.getTime() > new Date(terms.window_closes_at).getTime()) {
    return `The return window closed on ${terms.last_day}`
  }
  if (terms.last_day && !terms.items.some((item) => item.returnable)) {
    return "Nothing of the order can be returned any more"
  }
  return null
}
