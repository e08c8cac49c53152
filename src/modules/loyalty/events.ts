/**
 * What the loyalty workflows emit on Medusa's event bus (`emitEventStep`),
 * once the change is committed. The plugin's own subscribers schedule the
 * emails from them; a shop can subscribe too (a CRM, a webhook).
 */
export const LoyaltyEvents = {
  /** An order's pending points were confirmed: they can be spent now. */
  POINTS_CONFIRMED: "loyalty.points_confirmed",
  /** A reward was redeemed for a promotion code, or paid out as store credit. */
  REWARD_REDEEMED: "loyalty.reward_redeemed",
  /** A member moved up or down a tier. */
  TIER_CHANGED: "loyalty.tier_changed",
  /** A member's points expire soon (sent once per expiry date). */
  POINTS_EXPIRING: "loyalty.points_expiring",
  /** A new customer's first order came through a member's referral. */
  REFERRAL_SUCCEEDED: "loyalty.referral_succeeded",
} as const

export type PointsConfirmedData = { customer_id: string; order_id: string; points: number; entry_id: string }
/** `code` and `expires_at` are null for a store-credit reward, which has `store_credit` (what was credited) instead. */
export type RewardRedeemedData = {
  customer_id: string
  entry_id: string
  reward_id: string
  code: string | null
  expires_at: string | null
  store_credit: { amount: number; currency_code: string } | null
}
export type TierChangedData = { customer_id: string; from: string | null; to: string | null; direction: "up" | "down" }
export type PointsExpiringData = { customer_id: string; points: number; expires_at: string }
export type ReferralSucceededData = { referrer_customer_id: string; order_id: string; points: number; entry_id: string | null }
