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

export const LEDGER_LIMITS = {
  reasonLength: 500,
  pageSize: 100,
} as const
