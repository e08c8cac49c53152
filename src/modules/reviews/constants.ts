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
} as const
