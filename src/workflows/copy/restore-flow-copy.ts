import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CopyFields } from "../../flows"
import { createCopyVersionStep } from "./steps/create-copy-version"
import { findCopyVersionStep } from "./steps/find-copy-version"

export type RestoreFlowCopyWorkflowInput = { flow: string; language: string; version: number; created_by: string }

export const restoreFlowCopyWorkflowId = "pp-restore-flow-copy"

/** Brings back an earlier version of a flow's copy as a new version; the history keeps every step. */
export const restoreFlowCopyWorkflow = createWorkflow(restoreFlowCopyWorkflowId, (input: RestoreFlowCopyWorkflowInput) => {
  const earlier = findCopyVersionStep({ flow: input.flow, language: input.language, version: input.version })
  const restored = transform({ input, earlier }, ({ input, earlier }) => ({
    flow: input.flow,
    language: input.language,
    fields: earlier.fields as CopyFields,
    action: "restored" as const,
    restored_from: earlier.version,
    created_by: input.created_by,
  }))
  const version = createCopyVersionStep(restored)
  return new WorkflowResponse(version)
})
