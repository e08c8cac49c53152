/** A review waits for moderation (`pending`) unless the shop auto-approves; only `approved` ones are served. */
export const REVIEW_STATUSES = ["pending", "approved", "rejected"] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/**
 * The only grounds to reject a review. None of them is about the rating or
 * the sentiment: the FTC's rule on consumer reviews (16 CFR 465) forbids
 * suppressing a review for what it thinks of the product.
 */
export const REJECTION_REASONS = [
  "abusive_or_hateful",
  "spam_or_advertising",
  "personal_data",
  "off_topic",
  "false_or_misleading",
] as const
export type RejectionReason = (typeof REJECTION_REASONS)[number]

/** What a review may hold; the database checks them too, so no path around the Store API's validation stores more. */
export const REVIEW_LIMITS = {
  titleLength: 120,
  bodyLength: 5000,
  nameLength: 80,
  images: 3,
  /** The shop's public reply to a review. */
  replyLength: 2000,
  /** The shop's statement of how reviews are checked (EU Omnibus Directive). */
  verificationStatementLength: 1000,
} as const

/** Periods the admin's approval rates are counted in. */
export const APPROVAL_RATE_PERIODS = ["week", "month"] as const
export type ApprovalRatePeriod = (typeof APPROVAL_RATE_PERIODS)[number]

/** How the Store API orders a product's approved reviews; `with_photos` puts those with images first, then the newest. */
export const STORE_REVIEW_SORTS = ["newest", "highest", "lowest", "with_photos"] as const
export type StoreReviewSort = (typeof STORE_REVIEW_SORTS)[number]
