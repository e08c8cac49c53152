import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ALL_MARKETING } from "../../modules/post-purchase"
import { addSuppressionsStep } from "./steps/add-suppressions"
import { createConsentRecordsStep } from "./steps/create-consent-records"

export type UnsubscribeWorkflowInput = {
  email: string
  /** The flow whose email carried the link. */
  flow: string
  flow_label: string
  /** Everything (the one-click header, or "all marketing email" on the page), or only this flow's email. */
  scope: "all" | "flow"
  /** The page the recipient used, for the record. */
  url: string
}

export const unsubscribeWorkflowId = "pp-unsubscribe"

/**
 * A recipient unsubscribed through an email's link: puts them on the
 * suppression list, for all marketing or for the one flow. Leaving all of it
 * is also a withdrawal of consent, recorded as such.
 */
export const unsubscribeWorkflow = createWorkflow(unsubscribeWorkflowId, (input: UnsubscribeWorkflowInput) => {
  const suppressionInput = transform({ input }, ({ input }) => ({
    suppressions: [
      {
        email: input.email,
        scope: input.scope === "all" ? ALL_MARKETING : input.flow,
        source: "unsubscribe" as const,
        reason:
          input.scope === "all"
            ? `Unsubscribed from all marketing email with the link in a ${input.flow_label} email`
            : `Unsubscribed from ${input.flow_label} emails with the link in one`,
      },
    ],
  }))
  const added = addSuppressionsStep(suppressionInput)

  when({ input }, ({ input }) => input.scope === "all").then(() => {
    const recordInput = transform({ input }, ({ input }) => ({
      records: [
        {
          email: input.email,
          customer_id: null,
          cart_id: null,
          order_id: null,
          granted: false,
          source: "unsubscribe" as const,
          wording: `Unsubscribe from all marketing email (link in a ${input.flow_label} email)`,
          url: input.url,
          recorded_by: "recipient",
        },
      ],
    }))
    createConsentRecordsStep(recordInput)
  })
  return new WorkflowResponse(added)
})
