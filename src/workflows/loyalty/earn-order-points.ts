import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_POINTS_LOCK, orderPointsLockKey } from "../../lib/loyalty-order-points"
import { planFirstOrderBonusStep } from "./steps/plan-first-order-bonus"
import { planOrderEarningStep, type PlanOrderEarningStepInput } from "./steps/plan-order-earning"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type EarnOrderPointsWorkflowInput = PlanOrderEarningStepInput

export const earnOrderPointsWorkflowId = "pp-earn-order-points"

/**
 * A placed order earns its customer pending points, once, by the programme's
 * rule for its currency and the customer's tier; a member's first order also
 * its pending first-order bonus.
 */
export const earnOrderPointsWorkflow = createWorkflow(earnOrderPointsWorkflowId, (input: EarnOrderPointsWorkflowInput) => {
  // a cancellation handled at the same moment either sees the earn entry or leaves the order canceled for it
  const lockKey = transform({ input }, ({ input }) => orderPointsLockKey(input.order_id))
  acquireLockStep({ key: lockKey, ...ORDER_POINTS_LOCK })
  const plan = planOrderEarningStep(input)
  const bonus = planFirstOrderBonusStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
  const recorded = recordOrderPointsStep(transform({ plan, bonus }, ({ plan, bonus }) => ({ entries: [...plan.entries, ...bonus.entries] })))
  releaseLockStep({ key: lockKey })
  // `written`: the lines this run wrote, not the ones an earlier run for the order had
  const result = transform({ plan, recorded }, ({ plan, recorded }) => ({ entries: recorded.entries, written: recorded.written, skipped: plan.skipped }))
  return new WorkflowResponse(result)
})
