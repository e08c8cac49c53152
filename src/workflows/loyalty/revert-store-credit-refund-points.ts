import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planStoreCreditRefundReversalStep } from "./steps/plan-store-credit-refund-reversal"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type RevertStoreCreditRefundPointsWorkflowInput = { order_id: string }

export const revertStoreCreditRefundPointsWorkflowId = "pp-revert-store-credit-refund-points"

/**
 * An order refunded to store credit (negative credit lines, which Medusa's
 * loyalty plugin pays onto the customer's store-credit account) takes back
 * the points of the refunded value, like a return, by the order's own
 * earning: only what it refunds beyond the returns already counted, once per
 * credit line.
 */
export const revertStoreCreditRefundPointsWorkflow = createWorkflow(
  revertStoreCreditRefundPointsWorkflowId,
  (input: RevertStoreCreditRefundPointsWorkflowInput) => {
    // a return received at the same moment must not count the same points as this refund
    const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
    acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
    const plan = planStoreCreditRefundReversalStep(input)
    const recorded = recordOrderPointsStep(plan)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
  }
)
