import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ModerateReviewsInput } from "../../modules/reviews"
import { applyReviewModerationStep } from "./steps/apply-review-moderation"

export type ModerateReviewsWorkflowInput = ModerateReviewsInput

export const moderateReviewsWorkflowId = "pp-moderate-reviews"

/** An admin approves or rejects reviews in bulk; a rejection carries a listed reason, recorded with who and when. */
export const moderateReviewsWorkflow = createWorkflow(moderateReviewsWorkflowId, (input: ModerateReviewsWorkflowInput) => {
  const reviews = applyReviewModerationStep(input)
  return new WorkflowResponse(reviews)
})
