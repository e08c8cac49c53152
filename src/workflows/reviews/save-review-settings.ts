import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateReviewSettingsStep, type UpdateReviewSettingsStepInput } from "./steps/update-review-settings"

export type SaveReviewSettingsWorkflowInput = UpdateReviewSettingsStepInput

export const saveReviewSettingsWorkflowId = "pp-save-review-settings"

/** An admin saves how the shop checks reviews, which the Store API states with them (EU Omnibus Directive). */
export const saveReviewSettingsWorkflow = createWorkflow(saveReviewSettingsWorkflowId, (input: SaveReviewSettingsWorkflowInput) => {
  const settings = updateReviewSettingsStep(input)
  return new WorkflowResponse(settings)
})
