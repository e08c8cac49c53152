import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertFlowSettingStep, type UpsertFlowSettingStepInput } from "./steps/upsert-flow-setting"

export type UpdateFlowSettingWorkflowInput = UpsertFlowSettingStepInput

export const updateFlowSettingWorkflowId = "pp-update-flow-setting"

/** An admin switches a flow on or off or changes its delay. */
export const updateFlowSettingWorkflow = createWorkflow(
  updateFlowSettingWorkflowId,
  (input: UpdateFlowSettingWorkflowInput) => {
    const setting = upsertFlowSettingStep(input)
    return new WorkflowResponse(setting)
  }
)
