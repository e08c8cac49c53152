import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCopyVersionStep } from "./steps/create-copy-version"

export type ResetFlowCopyWorkflowInput = { flow: string; language: string; created_by: string }

export const resetFlowCopyWorkflowId = "pp-reset-flow-copy"

/** "Reset to default": a new version without overrides, so every text comes from the catalog again. */
export const resetFlowCopyWorkflow = createWorkflow(resetFlowCopyWorkflowId, (input: ResetFlowCopyWorkflowInput) => {
  const version = createCopyVersionStep({
    flow: input.flow,
    language: input.language,
    fields: {},
    action: "reset",
    created_by: input.created_by,
  })
  return new WorkflowResponse(version)
})
