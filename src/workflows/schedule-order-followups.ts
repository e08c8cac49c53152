import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { OrderAnchorDTO } from "../modules/post-purchase"
import { createOrderFollowupsStep } from "./steps/create-order-followups"
import { recordOrderAnchorsStep } from "./steps/record-order-anchors"

export type ScheduleOrderFollowupsWorkflowInput = {
  order_id: string
  trigger: "order.placed"
  /** When it happened: the event's own time, never when it was delivered or when the order was created. */
  occurred_at: string | Date
}

export const scheduleOrderFollowupsWorkflowId = "pp-schedule-order-followups"

/**
 * Records when the order was placed and schedules the enabled flows from
 * then, once per order and flow.
 */
export const scheduleOrderFollowupsWorkflow = createWorkflow(
  scheduleOrderFollowupsWorkflowId,
  (input: ScheduleOrderFollowupsWorkflowInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "email", "customer_id"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    })

    const anchorInput = transform({ input }, ({ input }) => ({
      anchors: [
        {
          order_id: input.order_id,
          anchor: "placed" as OrderAnchorDTO["anchor"],
          occurred_at: input.occurred_at,
          source: "event" as const,
        },
      ],
    }))
    const anchors = recordOrderAnchorsStep(anchorInput)

    const followupInput = transform({ orders, anchors, input }, ({ orders, anchors, input }) => ({
      trigger: input.trigger,
      // a redelivered event keeps the time the first one recorded
      orders: [{ ...orders[0], anchor_at: anchors[0].occurred_at }],
    }))
    const ids = createOrderFollowupsStep(followupInput)
    return new WorkflowResponse(ids)
  }
)
