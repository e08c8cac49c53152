import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type CancelFollowupWorkflowInput = { id: string }

export const cancelFollowupWorkflowId = "pp-cancel-followup"

/** An admin cancels one scheduled follow-up. */
export const cancelFollowupWorkflow = createWorkflow(
  cancelFollowupWorkflowId,
  (input: CancelFollowupWorkflowInput) => {
    const stepInput = transform({ input }, ({ input }) => ({
      selector: { id: [input.id] },
      from: ["scheduled" as const],
      to: "canceled" as const,
      reason: "Canceled by an admin",
    }))
    const canceled = setFollowupsStatusStep(stepInput)
    const followup = transform({ canceled }, ({ canceled }) => canceled[0])
    return new WorkflowResponse(followup)
  }
)
