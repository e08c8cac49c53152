import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDueFollowupsStep, type ClaimDueFollowupsStepInput } from "./steps/claim-due-followups"
import { sendFollowupsStep } from "./steps/send-followups"

export type DispatchDueFollowupsWorkflowInput = ClaimDueFollowupsStepInput

export const dispatchDueFollowupsWorkflowId = "pp-dispatch-due-followups"

/** Claims one batch of due follow-ups and sends them; the scheduled job runs it every minute. */
export const dispatchDueFollowupsWorkflow = createWorkflow(
  dispatchDueFollowupsWorkflowId,
  (input: DispatchDueFollowupsWorkflowInput) => {
    const followups = claimDueFollowupsStep(input)
    const summary = sendFollowupsStep({ followups, now: input.now })
    return new WorkflowResponse(summary)
  }
)
