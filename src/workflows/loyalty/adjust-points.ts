import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordPointsAdjustmentStep, type RecordPointsAdjustmentStepInput } from "./steps/record-points-adjustment"
import { updateLoyaltyTierWorkflow } from "./update-tier"

export type AdjustLoyaltyPointsWorkflowInput = RecordPointsAdjustmentStepInput

export const adjustLoyaltyPointsWorkflowId = "pp-adjust-loyalty-points"

/** An admin gives or takes a customer's points by hand, with a reason, recorded as theirs; points given may move them up a tier. */
export const adjustLoyaltyPointsWorkflow = createWorkflow(adjustLoyaltyPointsWorkflowId, (input: AdjustLoyaltyPointsWorkflowInput) => {
  const entry = recordPointsAdjustmentStep(input)
  updateLoyaltyTierWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ customer_id: input.customer_id })) })
  return new WorkflowResponse(entry)
})
