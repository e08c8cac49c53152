import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordPointsAdjustmentStep, type RecordPointsAdjustmentStepInput } from "./steps/record-points-adjustment"

export type AdjustLoyaltyPointsWorkflowInput = RecordPointsAdjustmentStepInput

export const adjustLoyaltyPointsWorkflowId = "pp-adjust-loyalty-points"

/** An admin gives or takes a customer's points by hand, with a reason, recorded as theirs. */
export const adjustLoyaltyPointsWorkflow = createWorkflow(adjustLoyaltyPointsWorkflowId, (input: AdjustLoyaltyPointsWorkflowInput) => {
  const entry = recordPointsAdjustmentStep(input)
  return new WorkflowResponse(entry)
})
