import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setReviewReplyStep, type SetReviewReplyStepInput } from "./steps/set-review-reply"

export type ReplyToReviewWorkflowInput = SetReviewReplyStepInput

export const replyToReviewWorkflowId = "pp-reply-to-review"

/** An admin replies publicly to a review, or removes the reply; the reply is shown with the review. */
export const replyToReviewWorkflow = createWorkflow(replyToReviewWorkflowId, (input: ReplyToReviewWorkflowInput) => {
  const review = setReviewReplyStep(input)
  return new WorkflowResponse(review)
})
