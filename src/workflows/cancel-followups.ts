import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type CancelFollowupsWorkflowInput = { ids: string[] }

export const cancelFollowupsWorkflowId = "pp-cancel-followups"

/**
 * An admin cancels follow-ups that have not gone out: scheduled ones, or
 * failed ones nobody will resend. All or none: a follow-up in another state
 * is a 400 that names it.
 */
export const cancelFollowupsWorkflow = createWorkflow(
  cancelFollowupsWorkflowId,
  (input: CancelFollowupsWorkflowInput) => {
    const stepInput = transform({ input }, ({ input }) => ({
      selector: { id: input.ids },
      from: ["scheduled" as const, "failed" as const],
      to: "canceled" as const,
      reason: "Canceled by an admin",
    }))
    const canceled = setFollowupsStatusStep(stepInput)
    return new WorkflowResponse(canceled)
  }
)
