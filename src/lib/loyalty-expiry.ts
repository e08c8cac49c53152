import type { LoyaltySettings } from "../modules/loyalty/settings"

export const DAY_MS = 24 * 60 * 60 * 1000

/** Points that expire together, and when. */
export type ExpiryBatch = { points: number; expires_at: Date }

/** `months` calendar months after `date`, in UTC. */
export function addMonths(date: Date, months: number): Date {
  const later = new Date(date)
  later.setUTCMonth(later.getUTCMonth() + months)
  return later
}

type Account = { available: number; last_activity_at: Date | string | null }
type Move = { available_delta: number; created_at: Date | string }

/**
 * A member's available points by the date they expire, soonest first.
 * - `inactivity`: all of them, `months` after the member's last activity;
 * - `oldest_first`: each batch credited (a confirmation, a bonus, points an
 *   admin gave) `months` after it was credited, less what was spent,
 *   expired or taken back since, taken from the oldest batch first.
 * None when expiry is off (`months` 0) or nothing is available.
 */
export function expiryBatches(settings: LoyaltySettings, account: Account, moves: Move[]): ExpiryBatch[] {
  const { months, mode } = settings.expiry
  if (months <= 0 || account.available <= 0) {
    return []
  }
  if (mode === "inactivity") {
    return account.last_activity_at ? [{ points: account.available, expires_at: addMonths(new Date(account.last_activity_at), months) }] : []
  }
  let taken = moves.reduce((sum, move) => sum + (move.available_delta < 0 ? -move.available_delta : 0), 0)
  const batches: ExpiryBatch[] = []
  for (const move of [...moves].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())) {
    if (move.available_delta <= 0) continue
    const spent = Math.min(taken, move.available_delta)
    taken -= spent
    const left = move.available_delta - spent
    if (left <= 0) continue
    const expires_at = addMonths(new Date(move.created_at), months)
    const last = batches[batches.length - 1]
    if (last && last.expires_at.getTime() === expires_at.getTime()) {
      last.points += left
    } else {
      batches.push({ points: left, expires_at })
    }
  }
  // never more than the account holds (a balance that went below the ledger's credits by a reversal)
  let room = account.available
  return batches.flatMap((batch) => {
    const points = Math.min(batch.points, room)
    room -= points
    return points > 0 ? [{ ...batch, points }] : []
  })
}

/** What has expired by `now`, in one: the points, and the date of the last batch among them. Null when nothing has. */
export function dueExpiry(batches: ExpiryBatch[], now: Date): ExpiryBatch | null {
  const due = batches.filter((batch) => batch.expires_at.getTime() <= now.getTime())
  return due.length ? { points: due.reduce((sum, batch) => sum + batch.points, 0), expires_at: due[due.length - 1].expires_at } : null
}

/** The next points to expire after `now`: the soonest batch (with any that expire the same day). Null when none will. */
export function nextExpiry(batches: ExpiryBatch[], now: Date): ExpiryBatch | null {
  const later = batches.filter((batch) => batch.expires_at.getTime() > now.getTime())
  if (!later.length) {
    return null
  }
  const day = dayOf(later[0].expires_at)
  const sameDay = later.filter((batch) => dayOf(batch.expires_at) === day)
  return { points: sameDay.reduce((sum, batch) => sum + batch.points, 0), expires_at: sameDay[sameDay.length - 1].expires_at }
}

/** Whether the "points expiring" reminder for `next` is due at `now`: within `reminder_days` of it (never with 0). */
export function reminderDue(settings: LoyaltySettings, next: ExpiryBatch | null, now: Date): boolean {
  const days = settings.expiry.reminder_days
  return !!next && days > 0 && next.expires_at.getTime() - now.getTime() <= days * DAY_MS
}

/** "2027-11-27": an expiry's day; batches that expire on one day are announced as one. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10)
