import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planOrderEarningStep, type PlanOrderEarningStepInput } from "./steps/plan-order-earning"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type EarnOrderPointsWorkflowInput = PlanOrderEarningStepInput

export const earnOrderPointsWorkflowId = "pp-earn-order-points"

/** A placed order earns its customer pending points, once, by the programme's rule for its currency and the customer's tier. */
export const earnOrderPointsWorkflow = createWorkflow(earnOrderPointsWorkflowId, (input: EarnOrderPointsWorkflowInput) => {
  const plan = planOrderEarningStep(input)
  const recorded = recordOrderPointsStep(transform({ plan }, ({ plan }) => ({ entries: plan.entries })))
  const result = transform({ plan, recorded }, ({ plan, recorded }) => ({ entries: recorded, skipped: plan.skipped }))
  return new WorkflowResponse(result)
})
