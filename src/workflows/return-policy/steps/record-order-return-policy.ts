import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type RecordOrderReturnPolicyStepInput = {
  order: { id: string; region_id?: string | null; sales_channel_id?: string | null; created_at: Date | string }
}

export const recordOrderReturnPolicyStepId = "pp-record-order-return-policy"

/**
 * Records the returns-policy version in force when the order was placed,
 * once: a redelivered event finds it recorded. Nothing is recorded while the
 * shop has no policy.
 */
export const recordOrderReturnPolicyStep = createStep(
  recordOrderReturnPolicyStepId,
  async ({ order }: RecordOrderReturnPolicyStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const [recorded] = await service.listOrderReturnPolicies({ order_id: order.id }, { take: 1 })
    if (recorded) {
      return new StepResponse(recorded.policy_id)
    }
    const policy = await service.returnPolicyInForce({ ...order, at: order.created_at })
    if (!policy) {
      return new StepResponse(null)
    }
    const created = await service.createOrderReturnPolicies({ order_id: order.id, policy_id: policy.id })
    return new StepResponse(policy.id, created.id)
  },
  // only what this run recorded goes
  async (id, { container }) => {
    if (id) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteOrderReturnPolicies(id)
    }
  }
)
