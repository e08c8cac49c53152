import type { PluginOptions } from "../modules/post-purchase/options"
import { signLink, verifyLink, type SigningKey } from "./signed-link"

/**
 * Where the plugin answers the star links of a review request when the shop
 * has no review form of its own (`reviews.formUrl`): outside /store, since a
 * browser opening a link from an email sends no publishable key.
 */
export const REVIEW_PATH = "/hooks/post-purchase/review"

const PURPOSE = "review"
const DAY_MS = 24 * 60 * 60 * 1000

/** The ratings a star link can pre-fill. */
export const STAR_RATINGS = [1, 2, 3, 4, 5] as const

/** What a review token is bound to: one line item of one order, and its buyer. */
export type ReviewLinkSubject = {
  order_id: string
  line_item_id: string
  /** The registered buyer; null for a guest order, which is bound to its email instead. */
  customer_id: string | null
  /** The email the order was placed with. */
  email: string
  /** The email's language, for the hosted form. */
  locale?: string | null
}

export type ReadReviewToken =
  | ({ valid: true; expires_at: Date } & Required<Omit<ReviewLinkSubject, "locale">> & { locale: string | null })
  | { valid: false; reason: "malformed" | "unknown key" | "bad signature" | "expired" | "wrong purpose" }

/**
 * The signed token of a review link for one line item, working for
 * `reviews.linkDays`. The rating is not part of it: the five star links of an
 * item share one token, and the form lets the customer change the stars.
 */
export function signReviewToken(subject: ReviewLinkSubject, options: PluginOptions, keys: SigningKey[], now: Date = new Date()): string {
  return signLink(
    {
      purpose: PURPOSE,
      order_id: subject.order_id,
      line_item_id: subject.line_item_id,
      // a guest has no customer id: the order's email stands for them
      ...(subject.customer_id ? { customer_id: subject.customer_id } : {}),
      email: subject.email,
      ...(subject.locale ? { locale: subject.locale } : {}),
    },
    new Date(now.getTime() + options.reviews.linkDays * DAY_MS),
    keys
  )
}

/**
 * The star link for `rating` (null: the form with no stars chosen): the
 * shop's review form (`reviews.formUrl`) when it has one, else the plugin's
 * hosted form.
 */
export function reviewUrl(token: string, rating: number | null, options: PluginOptions): string {
  if (options.reviews.formUrl) {
    return options.reviews.formUrl.replaceAll("{token}", encodeURIComponent(token)).replaceAll("{rating}", rating === null ? "" : String(rating))
  }
  const base = `${options.backendUrl.replace(/\/+$/, "")}${REVIEW_PATH}?token=${encodeURIComponent(token)}`
  return rating === null ? base : `${base}&rating=${rating}`
}

/** The line item, order and buyer a review token names, or why it is refused. */
export function readReviewToken(token: string, keys: SigningKey[], now?: Date): ReadReviewToken {
  const verified = verifyLink(token, PURPOSE, keys, now)
  if (!verified.valid) {
    return verified
  }
  const { order_id, line_item_id, customer_id, email, locale } = verified.claims
  if (typeof order_id !== "string" || typeof line_item_id !== "string" || typeof email !== "string") {
    return { valid: false, reason: "malformed" }
  }
  return {
    valid: true,
    order_id,
    line_item_id,
    customer_id: typeof customer_id === "string" ? customer_id : null,
    email,
    locale: typeof locale === "string" ? locale : null,
    expires_at: verified.expires_at,
  }
}
