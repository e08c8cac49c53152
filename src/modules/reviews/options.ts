import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

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
