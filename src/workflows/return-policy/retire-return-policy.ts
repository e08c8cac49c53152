import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PolicyScope } from "../../lib/return-policy"
import { createReturnPolicyVersionStep } from "./steps/create-return-policy-version"
import { findActiveOverrideStep } from "./steps/find-active-override"

export type RetireReturnPolicyWorkflowInput = { scope: Exclude<PolicyScope, "store">; scope_id: string; created_by: string }

export const retireReturnPolicyWorkflowId = "pp-retire-return-policy"

/**
 * An admin removes a sales channel's or region's override: a last version
 * that says so, so new orders there follow the store's policy while earlier
 * orders keep theirs.
 */
export const retireReturnPolicyWorkflow = createWorkflow(retireReturnPolicyWorkflowId, (input: RetireReturnPolicyWorkflowInput) => {
  const current = findActiveOverrideStep(input)
  const version = createReturnPolicyVersionStep(
    transform({ input, current }, ({ input, current }) => ({ ...input, terms: current.terms, retired: true }))
  )
  return new WorkflowResponse(version)
})
