import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderAnchorDTO } from "../modules/post-purchase"
import { createOrderFollowupsStep } from "./steps/create-order-followups"
import { findUnscheduledOrdersStep, type FindUnscheduledOrdersStepInput } from "./steps/find-unscheduled-orders"
import { recordOrderAnchorsStep } from "./steps/record-order-anchors"

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

    const anchorInput = transform({ orders }, ({ orders }) => ({
      anchors: orders.map((order) => ({
        order_id: order.id,
        anchor: "placed" as OrderAnchorDTO["anchor"],
        occurred_at: order.placed_at,
        source: "reconciliation" as const,
      })),
    }))
    const anchors = recordOrderAnchorsStep(anchorInput)

    const followupInput = transform({ orders, anchors }, ({ orders, anchors }) => {
      const placedAt = new Map(anchors.map((anchor) => [anchor.order_id, anchor.occurred_at]))
      return {
        trigger: "order.placed" as const,
        orders: orders.map(({ placed_at, ...order }) => ({ ...order, anchor_at: placedAt.get(order.id) ?? placed_at })),
      }
    })
    const followups = createOrderFollowupsStep(followupInput)

    const result = transform({ orders, followups }, ({ orders, followups }) => ({
      order_ids: orders.map((order) => order.id),
      followup_ids: followups,
    }))
    return new WorkflowResponse(result)
  }
)
