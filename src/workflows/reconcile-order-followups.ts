import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createOrderFollowupsStep } from "./steps/create-order-followups"
import { findUnscheduledOrdersStep, type FindUnscheduledOrdersStepInput } from "./steps/find-unscheduled-orders"
import { recordOrderAnchorsStep } from "./steps/record-order-anchors"
import { recordOrderReturnPolicyStep } from "./return-policy/steps/record-order-return-policy"

export type ReconcileOrderFollowupsWorkflowInput = FindUnscheduledOrdersStepInput

export const reconcileOrderFollowupsWorkflowId = "pp-reconcile-order-followups"

/**
 * Schedules the follow-ups of recent orders whose order.placed the plugin
 * missed (a failed subscriber, a restart), exactly as the subscriber would
 * have; the scheduled job runs it every few minutes.
 */
export const reconcileOrderFollowupsWorkflow = createWorkflow(
  reconcileOrderFollowupsWorkflowId,
  (input: ReconcileOrderFollowupsWorkflowInput) => {
    const orders = findUnscheduledOrdersStep(input)
    recordOrderReturnPolicyStep(transform({ orders }, ({ orders }) => ({ order_ids: orders.map((order) => order.id) })))

    const followupInput = transform({ orders }, ({ orders }) => ({
      orders: orders.map(({ placed_at, ...order }) => ({ ...order, anchor: "placed" as const, anchor_at: placed_at })),
    }))
    const followups = createOrderFollowupsStep(followupInput)

    // last, as the subscriber does: an anchor says the order is handled
    const anchorInput = transform({ orders }, ({ orders }) => ({
      anchors: orders.map((order) => ({
        order_id: order.id,
        anchor: "placed" as const,
        occurred_at: order.placed_at,
        source: "reconciliation" as const,
      })),
    }))
    recordOrderAnchorsStep(anchorInput)

    const result = transform({ orders, followups }, ({ orders, followups }) => ({
      order_ids: orders.map((order) => order.id),
      followup_ids: followups,
    }))
    return new WorkflowResponse(result)
  }
)
