import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** A review link works this long: the request goes a week after delivery, the reminder five days later, and people answer late. */
export const DEFAULT_REVIEW_LINK_DAYS = 60

/**
 * The `reviews` section of the plugin's options. Medusa hands every module of
 * a plugin the plugin's whole options, so this module reads its own section
 * and leaves the rest to the post-purchase module, which validates it.
 */
export const reviewsOptionsSchema = z
  .object({
    /**
     * Publish reviews without moderation. Applies to every rating alike: there
     * is deliberately no threshold, as approving by stars is review suppression
     * under the FTC's rule (16 CFR 465).
     */
    autoApprove: z.boolean().default(false),
    /**
     * The storefront's review form, for the star links in review requests:
     * a URL with `{token}` and `{rating}` where the link's values go. Without
     * it the links open the plugin's hosted form on `backendUrl`.
     */
    formUrl: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL like https://shop.example/review?token={token}&rating={rating}" })
      .refine((url) => url.includes("{token}") && url.includes("{rating}"), "must contain {token} and {rating}")
      .optional(),
    /** How long a review link works, from the email that carries it. */
    linkDays: z.number().int().min(7).max(730).default(DEFAULT_REVIEW_LINK_DAYS),
  })
  .strict()

export type ReviewsOptions = z.output<typeof reviewsOptionsSchema>

/** Validates the `reviews` options once, at boot; the error names the bad option, e.g. `reviews.autoApprove`. */
export function parseReviewsOptions(raw: unknown): ReviewsOptions {
  const section = raw && typeof raw === "object" ? (raw as Record<string, unknown>).reviews : undefined
  const result = reviewsOptionsSchema.safeParse(section ?? {})
  if (result.success) {
    return result.data
  }
  const issues = result.error.issues.map((issue) => {
    const path = ["reviews", ...issue.path, ...("keys" in issue ? [issue.keys[0]] : [])].join(".")
    return `"${path}": ${issue.message}`
  })
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `medusa-plugin-post-purchase: invalid option ${issues.join("; ")}`)
}
