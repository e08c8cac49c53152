import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { FLOWS } from "../flows"
import { recordReturnedItemsStep } from "./steps/record-returned-items"
import { resolveReturnStep, type ResolveReturnStepInput } from "./steps/resolve-return"
import { setFollowupsStatusStep } from "./steps/set-followups-status"

export type TrackReturnWorkflowInput = ResolveReturnStepInput

export const trackReturnWorkflowId = "pp-track-return"

export const RETURNED_REASON = "Every item of the order was returned"

/**
 * A return was requested or received: records its items, and once every item
 * of the order is back, cancels the order's pending marketing follow-ups. A
 * partial return keeps them; transactional follow-ups are never canceled by a
 * return. A requested return can still be canceled (without an event), so it
 * is the dispatcher that decides at send time for those.
 */
export const trackReturnWorkflow = createWorkflow(trackReturnWorkflowId, (input: TrackReturnWorkflowInput) => {
  const resolved = resolveReturnStep(input)
  const itemsInput = transform({ resolved }, ({ resolved }) => ({ items: resolved.items }))
  recordReturnedItemsStep(itemsInput)

  const canceled = when({ resolved }, ({ resolved }) => resolved.order_status === "returned").then(() =>
    setFollowupsStatusStep({
      selector: {
        order_id: input.order_id,
        flow: FLOWS.filter((flow) => flow.category === "marketing").map((flow) => flow.key),
      },
      from: ["scheduled", "failed"],
      to: "canceled",
      reason: RETURNED_REASON,
    })
  )
  const result = transform({ resolved, canceled }, ({ resolved, canceled }) => ({
    status: resolved.order_status,
    canceled: canceled ?? [],
  }))
  return new WorkflowResponse(result)
})
