import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findMissedFulfillmentEventsStep } from "./steps/find-missed-fulfillment-events"

export const findMissedFulfillmentEventsWorkflowId = "pp-find-missed-fulfillment-events"

/** Shipments and deliveries whose event the plugin missed; the reconciliation tracks each as its event would have. */
export const findMissedFulfillmentEventsWorkflow = createWorkflow(
  findMissedFulfillmentEventsWorkflowId,
  (input: { now?: string | Date }) => new WorkflowResponse(findMissedFulfillmentEventsStep(input))
)
