import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PolicyScope } from "../../../lib/return-policy"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export const findActiveOverrideStepId = "pp-find-active-return-policy-override"

/** The override's version in force; a 404 when it has none, or was removed already. No compensation: it only reads. */
export const findActiveOverrideStep = createStep(
  findActiveOverrideStepId,
  async ({ scope, scope_id }: { scope: Exclude<PolicyScope, "store">; scope_id: string }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const [latest] = await service.returnPolicyHistory(scope, scope_id, 1)
    if (!latest || latest.retired) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The ${scope.replace("_", " ")} ${scope_id} has no returns policy of its own`)
    }
    return new StepResponse(latest)
  }
)
