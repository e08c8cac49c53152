import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type CancelOrderFollowupsWorkflowInput = {
  order_id: string
  reason: string
}

export const cancelOrderFollowupsWorkflowId = "pp-cancel-order-followups"

/** Cancels an order's pending and failed follow-ups, e.g. when the order is canceled. */
export const cancelOrderFollowupsWorkflow = createWorkflow(
  cancelOrderFollowupsWorkflowId,
  (input: CancelOrderFollowupsWorkflowInput) => {
    const canceled = setFollowupsStatusStep({
      selector: { order_id: input.order_id },
      from: ["scheduled", "failed"],
      to: "canceled",
      reason: input.reason,
    })
    return new WorkflowResponse(canceled)
  }
)
