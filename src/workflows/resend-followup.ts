import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDueFollowupsStep } from "./steps/claim-due-followups"
import { clearUnsentNotificationsStep } from "./steps/clear-unsent-notifications"
import { sendFollowupsStep } from "./steps/send-followups"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type ResendFollowupWorkflowInput = { id: string }

export const resendFollowupWorkflowId = "pp-resend-followup"

/** An admin sends a failed follow-up again, now, with a fresh set of attempts. */
export const resendFollowupWorkflow = createWorkflow(
  resendFollowupWorkflowId,
  (input: ResendFollowupWorkflowInput) => {
    const statusInput = transform({ input }, ({ input }) => ({
      selector: { id: [input.id] },
      from: ["failed" as const],
      to: "scheduled" as const,
      reason: "Resent by an admin",
    }))
    const scheduled = setFollowupsStatusStep(statusInput)
    clearUnsentNotificationsStep({ followups: scheduled })

    const ids = transform({ input }, ({ input }) => [input.id])
    const followups = claimDueFollowupsStep({ ids })
    const summary = sendFollowupsStep({ followups })
    return new WorkflowResponse(summary)
  }
)
