import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
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
    const plan = planOrderReversalStep(input)
    const recorded = recordOrderPointsStep(plan)
    return new WorkflowResponse(recorded)
  }
)
