import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendTestEmailStep, type SendTestEmailStepInput } from "./steps/send-test-email"

export type SendTestEmailWorkflowInput = SendTestEmailStepInput

export const sendTestEmailWorkflowId = "pp-send-flow-test-email"

/** Sends a flow's email, as it would go out now, to an address an admin types. */
export const sendTestEmailWorkflow = createWorkflow(sendTestEmailWorkflowId, (input: SendTestEmailWorkflowInput) => {
  return new WorkflowResponse(sendTestEmailStep(input))
})
