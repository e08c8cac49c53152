import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planRefundReversalStep } from "./steps/plan-refund-reversal"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type RevertRefundedPointsWorkflowInput = { order_id: string }

export const revertRefundedPointsWorkflowId = "pp-revert-refunded-points"

/**
 * An order refunded, to its payment or to store credit (negative credit
 * lines, which Medusa's loyalty plugin pays onto the customer's store-credit
 * account), takes back the points of the refunded value by the order's own
 * earning: only what it refunds beyond the items in returns (whose returns
 * take their points), once per refund.
 */
export const revertRefundedPointsWorkflow = createWorkflow(
  revertRefundedPointsWorkflowId,
  (input: RevertRefundedPointsWorkflowInput) => {
    // a return received at the same moment must not count the same points as this refund
    const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
    acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
    const plan = planRefundReversalStep(input)
    const recorded = recordOrderPointsStep(plan)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
  }
)
