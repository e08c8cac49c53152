import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModerateReviewsInput } from "../../modules/reviews"
import { applyReviewModerationStep } from "./steps/apply-review-moderation"
import { awardReviewBonusStep } from "./steps/award-review-bonus"

export type ModerateReviewsWorkflowInput = ModerateReviewsInput

export const moderateReviewsWorkflowId = "pp-moderate-reviews"

/**
 * An admin approves or rejects reviews in bulk; a rejection carries a listed
 * reason, recorded with who and when. An approved review by a registered
 * customer earns the loyalty programme's review bonus, once.
 */
export const moderateReviewsWorkflow = createWorkflow(moderateReviewsWorkflowId, (input: ModerateReviewsWorkflowInput) => {
  const reviews = applyReviewModerationStep(input)
  awardReviewBonusStep(transform({ input, reviews }, ({ input, reviews }) => ({ action: input.action, reviews: reviews as any[] })))
  return new WorkflowResponse(reviews)
})
