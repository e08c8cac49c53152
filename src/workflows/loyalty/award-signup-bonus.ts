import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planSignupBonusStep, type PlanSignupBonusStepInput } from "./steps/plan-signup-bonus"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type AwardSignupBonusWorkflowInput = PlanSignupBonusStepInput

export const awardSignupBonusWorkflowId = "pp-award-signup-bonus"

/** A customer who created an account gets the programme's signup bonus, once, available at once. */
export const awardSignupBonusWorkflow = createWorkflow(awardSignupBonusWorkflowId, (input: AwardSignupBonusWorkflowInput) => {
  const plan = planSignupBonusStep(input)
  const recorded = recordOrderPointsStep(plan)
  return new WorkflowResponse(transform({ recorded }, ({ recorded }) => recorded.entries))
})
