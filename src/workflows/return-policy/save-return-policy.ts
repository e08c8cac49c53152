import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PolicyScope, ReturnPolicyTerms } from "../../lib/return-policy"
import { checkReturnPolicyStep } from "./steps/check-return-policy"
import { createReturnPolicyVersionStep } from "./steps/create-return-policy-version"

export type SaveReturnPolicyWorkflowInput = {
  scope: PolicyScope
  scope_id: string | null
  terms: ReturnPolicyTerms
  created_by: string
}

export const saveReturnPolicyWorkflowId = "pp-save-return-policy"

/** An admin saves the store's returns policy, or a sales channel's or region's override: checked, then a new version. */
export const saveReturnPolicyWorkflow = createWorkflow(saveReturnPolicyWorkflowId, (input: SaveReturnPolicyWorkflowInput) => {
  checkReturnPolicyStep({ scope: input.scope, scope_id: input.scope_id, terms: input.terms })
  const version = createReturnPolicyVersionStep(input)
  return new WorkflowResponse(version)
})
