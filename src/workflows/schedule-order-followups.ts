import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createOrderFollowupsStep } from "./steps/create-order-followups"
import { recordOrderAnchorsStep } from "./steps/record-order-anchors"
import { recordOrderReturnPolicyStep } from "./return-policy/steps/record-order-return-policy"

export type ScheduleOrderFollowupsWorkflowInput = {
  order_id: string
  /** When it was placed: the event's own time, never when it was delivered or when the order was created. */
  occurred_at: string | Date
}

export const scheduleOrderFollowupsWorkflowId = "pp-schedule-order-followups"

/**
 * Records the returns-policy version the order was placed under, schedules
 * the enabled flows from when it was placed, once per order and flow, then
 * records that time as the order's anchor.
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

    // before its emails are written: the confirmation quotes the policy the order was sold under
    recordOrderReturnPolicyStep(transform({ input }, ({ input }) => ({ order_ids: [input.order_id] })))

    const followupInput = transform({ orders, input }, ({ orders, input }) => ({
      orders: [{ ...orders[0], anchor: "placed" as const, anchor_at: input.occurred_at }],
    }))
    const ids = createOrderFollowupsStep(followupInput)

    // last: an anchor says the order is handled, so it must not exist without its follow-ups
    const anchorInput = transform({ input }, ({ input }) => ({
      anchors: [
        {
          order_id: input.order_id,
          anchor: "placed" as const,
          occurred_at: input.occurred_at,
          source: "event" as const,
        },
      ],
    }))
    recordOrderAnchorsStep(anchorInput)
    return new WorkflowResponse(ids)
  }
)
