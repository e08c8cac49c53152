import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { clearUnsentNotificationsStep } from "./steps/clear-unsent-notifications"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type RetryFollowupsWorkflowInput = { ids: string[] }

export const retryFollowupsWorkflowId = "pp-retry-followups"

/**
 * An admin has failed follow-ups tried again, in bulk: each is due now with a
 * fresh set of attempts, and the dispatcher sends them on its next run. All
 * or none: a follow-up that is not failed is a 400 that names it.
 */
export const retryFollowupsWorkflow = createWorkflow(
  retryFollowupsWorkflowId,
  (input: RetryFollowupsWorkflowInput) => {
    const stepInput = transform({ input }, ({ input }) => ({
      selector: { id: input.ids },
      from: ["failed" as const],
      to: "scheduled" as const,
      reason: "Resent by an admin",
    }))
    const scheduled = setFollowupsStatusStep(stepInput)
    clearUnsentNotificationsStep({ followups: scheduled })
    return new WorkflowResponse(scheduled)
  }
)
