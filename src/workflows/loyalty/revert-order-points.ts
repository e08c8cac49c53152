import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planOrderReversalStep } from "./steps/plan-order-reversal"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type RevertOrderPointsWorkflowInput = { order_id: string }

export const revertOrderPointsWorkflowId = "pp-revert-order-points"

/** A canceled order gives back everything it still holds: its pending points, and confirmed ones off available and lifetime. */
export const revertOrderPointsWorkflow = createWorkflow(revertOrderPointsWorkflowId, (input: RevertOrderPointsWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
  acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
  const plan = planOrderReversalStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  const recorded = recordOrderPointsStep(plan)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
})
