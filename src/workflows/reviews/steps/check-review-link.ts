import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_LIMITS } from "../../../modules/reviews"
import type { SubmitReviewInput } from "../../../modules/reviews/service"
import { requireReviewLink } from "../../../lib/review-form"

export type CheckReviewLinkStepInput = {
  token: string
  rating: number
  title?: string | null
  body?: string | null
  images?: string[]
  /** The name shown with the review; the buyer's first name and last initial when left out. */
  name?: string | null
  /** The customer signed in on the Store API: only their own links. */
  customer_id?: string | null
}

export const checkReviewLinkStepId = "pp-check-review-link"

/**
 * Checks the review link (valid, unexpired, for reviews, its line item on its
 * order, the order its buyer's, and a signed-in customer the link's) and
 * turns the form into the review to store: verified, since only the buyer
 * holds the link, and bound to the order's email, never one the form gives.
 *
 * No compensation: it only reads.
 */
export const checkReviewLinkStep = createStep(checkReviewLinkStepId, async (input: CheckReviewLinkStepInput, { container }) => {
  const link = await requireReviewLink(container, input.token, { signedInCustomerId: input.customer_id ?? null })
  const name = input.name?.trim() || link.default_name
  if (!name || name.length > REVIEW_LIMITS.nameLength) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `name is required: the name shown with the review (1 to ${REVIEW_LIMITS.nameLength} characters)`)
  }
  const review: SubmitReviewInput = {
    product_id: link.item.product_id,
    variant_id: link.item.variant_id,
    order_id: link.order.id,
    line_item_id: link.item.id,
    customer_id: link.order.customer_id,
    reviewer_name: name,
    reviewer_email: link.order.email,
    rating: input.rating,
    title: input.title?.trim() || null,
    body: input.body?.trim() ? input.body : null,
    // the hosted form has no image field: an edit through it keeps the pictures sent through the Store API
    images: input.images ?? link.existing?.images ?? [],
    verified: true,
  }
  return new StepResponse(review)
})
