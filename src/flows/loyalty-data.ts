import type { BrandProps, LoyaltyEmailProps } from "../emails/types"
import type { Translator } from "../i18n"
import type { PluginOptions } from "../modules/post-purchase/options"
import { sampleMember } from "../emails/sample-data"
import { customerOf, type FlowContext } from "./types"

/**
 * The storefront page where a member sees and spends their points, under
 * `storefrontUrl`; every loyalty email links there (never to the Store API).
 */
export const LOYALTY_ACCOUNT_PATH = "/account/loyalty"

export function loyaltyAccountUrl(options: PluginOptions): string {
  return `${options.storefrontUrl.replace(/\/+$/, "")}${LOYALTY_ACCOUNT_PATH}`
}

/** The props every account loyalty email starts from: the member loaded by the dispatcher. */
export function loyaltyAccountProps(context: FlowContext): LoyaltyEmailProps {
  const { brand, options, i18n } = context
  return {
    brand,
    i18n,
    customer: { first_name: customerOf(context).first_name },
    storefrontUrl: options.storefrontUrl,
    accountUrl: loyaltyAccountUrl(options),
  }
}

/** The same for previews, with the sample member. */
export function loyaltyPreviewProps(brand: BrandProps, options: PluginOptions, i18n: Translator): LoyaltyEmailProps {
  return { brand, i18n, customer: sampleMember, storefrontUrl: options.storefrontUrl, accountUrl: loyaltyAccountUrl(options) }
}

/** What a loyalty workflow put on the follow-up, for the email; the preview's when there is none (a test email). */
export function loyaltyData<T>(context: FlowContext): Partial<T> {
  return (context.followup?.metadata ?? {}) as Partial<T>
}

// what the loyalty email workflow stores on each follow-up, read back at send time

/** `loyalty-points-earned`: the order's confirmed points and the balance they made. */
export type PointsEarnedData = {
  entry_id: string
  points: number
  available: number
  /** The dearest reward the balance pays for (missing 0), or the cheapest still out of reach. */
  prospect: { reward: string; missing: number } | null
}
/** `loyalty-reward-code`: the code and what it gives. */
export type RewardCodeData = {
  entry_id: string
  code: string
  reward: string
  discount: { kind: "fixed" | "percentage"; value: number; currency_code: string | null }
  expires_at: string
}
/** `loyalty-points-expiring` */
export type PointsExpiringData = { points: number; expires_at: string }
/** `loyalty-tier-changed`: the tier now and, after a move down, the one left and what brings them back. */
export type TierChangedEmailData = {
  direction: "up" | "down"
  tier: string | null
  multiplier: number
  comeback: { tier: string; basis: "points" | "spend"; threshold: number; currency_code: string | null } | null
}
/** `loyalty-referral-success`: only the referrer's points, never anything about the friend. */
export type ReferralSuccessData = { points: number }
