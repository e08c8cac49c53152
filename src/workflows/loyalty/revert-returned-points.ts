import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planOrderReversalStep } from "./steps/plan-order-reversal"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type RevertReturnedPointsWorkflowInput = { order_id: string; return_id: string }

export const revertReturnedPointsWorkflowId = "pp-revert-returned-points"

/**
 * A received return takes back its items' share of the order's points, by
 * the order's own earning rule; once the whole order is back, everything it
 * still holds. Points already spent leave a negative balance, never a skip.
 */
export const revertReturnedPointsWorkflow = createWorkflow(
  revertReturnedPointsWorkflowId,
  (input: RevertReturnedPointsWorkflowInput) => {
    // two returns received at once must not both count what the order still holds
    const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
    acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
    const plan = planOrderReversalStep(input)
    const recorded = recordOrderPointsStep(plan)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
  }
)
