import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEWS_MODULE } from "../../../modules/reviews"
import type ReviewsModuleService from "../../../modules/reviews/service"
import type { SubmitReviewInput } from "../../../modules/reviews/service"

export const submitReviewStepId = "pp-submit-review"

/**
 * Stores the line item's review, or edits the one it has, moving the
 * product's aggregate in the same transaction.
 *
 * No compensation: it is its workflow's last step and one transaction, so nothing after it can fail and leave it half done.
 */
export const submitReviewStep = createStep(submitReviewStepId, async (input: SubmitReviewInput, { container }) => {
  const reviews: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
  const review = await reviews.submitReview(input)
  return new StepResponse(review)
})
