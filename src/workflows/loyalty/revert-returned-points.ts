import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planExchangeEarningStep } from "./steps/plan-exchange-earning"
import { planOrderReversalStep } from "./steps/plan-order-reversal"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type RevertReturnedPointsWorkflowInput = { order_id: string; return_id: string }

export const revertReturnedPointsWorkflowId = "pp-revert-returned-points"

/**
 * A received return (each receipt of it) takes back its items' share of the
 * order's points, by the order's own earning rule; once the whole order is
 * back, everything it still holds. An exchange's return also earns its new
 * items' points by that rule; a claim's changes nothing. Points already spent
 * leave a negative balance, never a skip.
 */
export const revertReturnedPointsWorkflow = createWorkflow(
  revertReturnedPointsWorkflowId,
  (input: RevertReturnedPointsWorkflowInput) => {
    // two returns received at once must not both count what the order still holds
    const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
    acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
    const earning = planExchangeEarningStep(input)
    const reversal = planOrderReversalStep(input)
    // one write: the swap is whole, its new items' points and the ones given back, or neither
    const recorded = recordOrderPointsStep(
      transform({ earning, reversal }, ({ earning, reversal }) => ({ entries: [...earning.entries, ...reversal.entries] }))
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
  }
)
