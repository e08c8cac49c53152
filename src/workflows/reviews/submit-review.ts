import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkReviewLinkStep, type CheckReviewLinkStepInput } from "./steps/check-review-link"
import { submitReviewStep } from "./steps/submit-review"

export type SubmitReviewWorkflowInput = CheckReviewLinkStepInput

export const submitReviewWorkflowId = "pp-submit-review"

/**
 * A buyer reviews an item through the signed link of a review request: the
 * link is checked, then the review stored (pending unless the shop
 * auto-approves, whatever its rating) as a verified purchase. Submitting
 * again edits the same review.
 */
export const submitReviewWorkflow = createWorkflow(submitReviewWorkflowId, (input: SubmitReviewWorkflowInput) => {
  const review = checkReviewLinkStep(input)
  return new WorkflowResponse(submitReviewStep(review))
})
