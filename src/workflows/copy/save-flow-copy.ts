import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CopyFields } from "../../flows"
import { createCopyVersionStep } from "./steps/create-copy-version"

export type SaveFlowCopyWorkflowInput = { flow: string; language: string; fields: CopyFields; created_by: string }

export const saveFlowCopyWorkflowId = "pp-save-flow-copy"

/** An admin saves a flow's copy in one language: a new version with the fields given; the others keep their catalog text. */
export const saveFlowCopyWorkflow = createWorkflow(saveFlowCopyWorkflowId, (input: SaveFlowCopyWorkflowInput) => {
  const version = createCopyVersionStep({
    flow: input.flow,
    language: input.language,
    fields: input.fields,
    action: "saved",
    created_by: input.created_by,
  })
  return new WorkflowResponse(version)
})
