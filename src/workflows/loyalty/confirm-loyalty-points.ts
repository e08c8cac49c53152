import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findConfirmablePointsStep, type FindConfirmablePointsStepInput } from "./steps/find-confirmable-points"
import { recordOrderPointsStep } from "./steps/record-order-points"

export type ConfirmLoyaltyPointsWorkflowInput = FindConfirmablePointsStepInput

export const confirmLoyaltyPointsWorkflowId = "pp-confirm-loyalty-points"

/** Confirms the pending points of every order that can no longer be returned: they become available to spend. */
export const confirmLoyaltyPointsWorkflow = createWorkflow(
  confirmLoyaltyPointsWorkflowId,
  (input: ConfirmLoyaltyPointsWorkflowInput) => {
    const found = findConfirmablePointsStep(input)
    const recorded = recordOrderPointsStep(found)
    const result = transform({ recorded }, ({ recorded }) => ({
      confirmed: recorded.map((entry) => ({ order_id: entry.order_id!, points: entry.points })),
    }))
    return new WorkflowResponse(result)
  }
)
