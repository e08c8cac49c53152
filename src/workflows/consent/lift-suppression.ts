import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { liftSuppressionsStep } from "./steps/lift-suppressions"

export type LiftSuppressionWorkflowInput = { id: string; reason: string; lifted_by: string }

export const liftSuppressionWorkflowId = "pp-lift-suppression"

/** An admin lifts one suppression, saying why. */
export const liftSuppressionWorkflow = createWorkflow(liftSuppressionWorkflowId, (input: LiftSuppressionWorkflowInput) => {
  const selector = { id: input.id }
  const lifted = liftSuppressionsStep({ selector, lifted_by: input.lifted_by, reason: input.reason })
  return new WorkflowResponse(lifted)
})
