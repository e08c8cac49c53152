import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PolicyScope, ReturnPolicyTerms } from "../../../lib/return-policy"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type CreateReturnPolicyVersionStepInput = {
  scope: PolicyScope
  scope_id: string | null
  terms: ReturnPolicyTerms
  retired?: boolean
  created_by: string
}

export const createReturnPolicyVersionStepId = "pp-create-return-policy-version"

/** Adds the next version of a scope's returns policy; the latest one is in force for new orders. */
export const createReturnPolicyVersionStep = createStep(
  createReturnPolicyVersionStepId,
  async (input: CreateReturnPolicyVersionStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const version = await service.appendReturnPolicyVersion(input)
    return new StepResponse(version, version.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteReturnPolicies(id)
    }
  }
)
