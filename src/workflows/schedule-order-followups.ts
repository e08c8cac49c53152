import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { FlowTrigger } from "../flows"
import { createOrderFollowupsStep } from "./steps/create-order-followups"

export type ScheduleOrderFollowupsWorkflowInput = {
  order_id: string
  trigger: FlowTrigger
}

export const scheduleOrderFollowupsWorkflowId = "pp-schedule-order-followups"

/** Schedules the enabled flows of an order event, once per order and flow. */
export const scheduleOrderFollowupsWorkflow = createWorkflow(
  scheduleOrderFollowupsWorkflowId,
  (input: ScheduleOrderFollowupsWorkflowInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "email", "customer_id", "created_at"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const stepInput = transform({ orders, input }, ({ orders, input }) => ({
      order: orders[0],
      trigger: input.trigger,
      // order.placed counts from the moment the order was created, not from event delivery
      anchor_at: orders[0].created_at,
    }))
    const ids = createOrderFollowupsStep(stepInput)
    return new WorkflowResponse(ids)
  }
)
