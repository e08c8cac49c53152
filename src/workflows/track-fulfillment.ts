import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFollowupsStep } from "./steps/create-order-followups"
import { recordOrderAnchorsStep } from "./steps/record-order-anchors"
import { resolveFulfillmentEventStep, type ResolveFulfillmentEventStepInput } from "./steps/resolve-fulfillment-event"
import { retimeEstimatedDeliveriesStep } from "./steps/retime-estimated-deliveries"

export type TrackFulfillmentWorkflowInput = ResolveFulfillmentEventStepInput

export const trackFulfillmentWorkflowId = "pp-track-fulfillment"

/**
 * A fulfillment was created, shipped or delivered: schedules the flows that
 * count from the shipment or the delivery (estimated from the shipment until
 * the delivery is reported), re-times the estimated ones when it is, and
 * records what happened to the order.
 */
export const trackFulfillmentWorkflow = createWorkflow(
  trackFulfillmentWorkflowId,
  (input: TrackFulfillmentWorkflowInput) => {
    const resolved = resolveFulfillmentEventStep(input)

    const retimeInput = transform({ resolved }, ({ resolved }) => ({
      order_id: resolved.order_id,
      delivery: resolved.delivery,
    }))
    const retimed = retimeEstimatedDeliveriesStep(retimeInput)

    const followupInput = transform({ resolved }, ({ resolved }) => ({ orders: resolved.anchored }))
    const created = createOrderFollowupsStep(followupInput)

    // last: a recorded anchor says the order's follow-ups for it are written
    const anchorInput = transform({ resolved }, ({ resolved }) => ({ anchors: resolved.anchors }))
    recordOrderAnchorsStep(anchorInput)

    const result = transform({ created, retimed }, ({ created, retimed }) => ({ created, retimed }))
    return new WorkflowResponse(result)
  }
)
