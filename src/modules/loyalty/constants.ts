/**
 * What a ledger entry records. `earn`: pending points for an order;
 * `confirm`: they become available once the order's return window has
 * closed; `redeem`: spent on a reward; `revert`: taken back (a canceled or
 * returned order) or given back (a reward that could not be created);
 * `expire`: confirmed points that ran out; `adjust`: an admin's correction,
 * with a reason; `bonus`: points given for an action (account, first order,
 * approved review, referral).
 */
export const ENTRY_TYPES = ["earn", "confirm", "redeem", "revert", "expire", "adjust", "bonus"] as const
export type EntryType = (typeof ENTRY_TYPES)[number]

/**
 * The entries that count as a member's activity, which expiry by inactivity
 * counts from: earning, confirming, spending, a bonus, and points an admin
 * gives. An expiry, a reversal or an admin taking points is something done
 * to the account, not by its member, so it never keeps points alive.
 */
export function isLoyaltyActivity(entry: { type: EntryType; points: number }): boolean {
  return ["earn", "confirm", "redeem", "bonus"].includes(entry.type) || (entry.type === "adjust" && entry.points > 0)
}

export const LEDGER_LIMITS = {
  reasonLength: 500,
  pageSize: 100,
} as const
