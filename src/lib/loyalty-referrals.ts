import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The query parameter a member's referral link carries their code in: `https://shop.example/?ref=CODE`. */
export const REFERRAL_LINK_PARAM = "ref"

/** How long a referral's first-order discount stays valid after it is claimed (days). */
export const REFERRAL_DISCOUNT_DAYS = 30

/** A member's referral link: the storefront's home page with their code, which the storefront claims for the visitor. */
export function referralLink(storefrontUrl: string, code: string): string {
  const url = new URL(storefrontUrl)
  url.searchParams.set(REFERRAL_LINK_PARAM, code)
  return url.toString()
}

/**
 * How many referral discounts one member's code can hand out in a rolling
 * 24 hours. A friend claims once (a second claim with the same email
 * answers the same code); a code claimed by the dozen in a day is being
 * farmed, not shared, as referral programmes such as Smile.io's flag.
 */
export const REFERRAL_CLAIMS_PER_DAY = 10

/** A case-insensitive exact match for an `$ilike` filter: `_` and `%` in an email are wildcards to `ilike` otherwise. */
export const exactIlike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`)

/** Who a referral's discount is used by: the cart's or order's email and customer. */
export type RefereeIdentity = { email: string | null; customer_id: string | null }

/**
 * Why a referral cannot count for this person, or null when it can: the
 * referrer's own (by customer or email), or claimed for another email.
 * Shared by the cart hook and the count of a placed order, which may never
 * have passed the hook (a draft order, an order the admin made).
 */
export async function referralMismatch(
  container: MedusaContainer,
  referral: { referrer_customer_id: string; referee_email: string | null; promotion_code: string },
  referee: RefereeIdentity
): Promise<{ kind: "self_referral" | "other_email"; reason: string } | null> {
  const email = referee.email?.trim().toLowerCase() || null
  if (referee.customer_id && referee.customer_id === referral.referrer_customer_id) {
    return { kind: "self_referral", reason: "self-referral: the referrer's own customer account" }
  }
  if (email) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [referrer],
    } = await query.graph({ entity: "customer", fields: ["email"], filters: { id: referral.referrer_customer_id } })
    if (referrer?.email?.toLowerCase() === email) {
      return { kind: "self_referral", reason: "self-referral: the referrer's own email" }
    }
    if (referral.referee_email && referral.referee_email !== email) {
      return { kind: "other_email", reason: `claimed for ${referral.referee_email}, used by ${email}` }
    }
  }
  return null
}

/**
 * The person's orders before this one: their email's (any case) or their
 * customer's, leaving out `except` (the order being counted) and anything
 * placed after `before`. Answers what matched, or null for a first order.
 */
export async function earlierOrder(
  container: MedusaContainer,
  referee: RefereeIdentity,
  options: { except?: string | null; before?: Date | null } = {}
): Promise<{ by: "email" | "customer"; order_id: string } | null> {
  const email = referee.email?.trim().toLowerCase() || null
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const identities: ["email" | "customer", Record<string, unknown>][] = [
    ...(email ? [["email", { email: { $ilike: exactIlike(email) } }] as ["email", Record<string, unknown>]] : []),
    ...(referee.customer_id ? [["customer", { customer_id: referee.customer_id }] as ["customer", Record<string, unknown>]] : []),
  ]
  for (const [by, filter] of identities) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: {
        ...filter,
        // a draft the admin drew up and never converted is no order the customer placed
        is_draft_order: false,
        ...(options.except ? { id: { $ne: options.except } } : {}),
        ...(options.before ? { created_at: { $lt: options.before } } : {}),
      } as any,
      pagination: { take: 1 },
    })
    if (data.length) {
      return { by, order_id: data[0].id }
    }
  }
  return null
}
