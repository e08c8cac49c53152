import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type RecordOrderReturnPolicyStepInput = { order_ids: string[] }

export const recordOrderReturnPolicyStepId = "pp-record-order-return-policy"

/**
 * Records, per order, the returns-policy version in force when it was
 * placed, once: a redelivered event or the reconciliation finds it recorded.
 * Nothing is recorded for an order placed while the shop had no policy.
 */
export const recordOrderReturnPolicyStep = createStep(
  recordOrderReturnPolicyStepId,
  async ({ order_ids }: RecordOrderReturnPolicyStepInput, { container }) => {
    if (!order_ids.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const recorded = new Set((await service.listOrderReturnPolicies({ order_id: order_ids }, { select: ["order_id"] })).map((r) => r.order_id))
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "region_id", "sales_channel_id", "created_at"],
      filters: { id: order_ids.filter((id) => !recorded.has(id)) },
    })
    const rows: { order_id: string; policy_id: string }[] = []
    for (const order of orders) {
      const policy = await service.returnPolicyInForce({ ...order, at: order.created_at })
      if (policy) {
        rows.push({ order_id: order.id, policy_id: policy.id })
      }
    }
    const created = rows.length ? await service.createOrderReturnPolicies(rows) : []
    const ids = created.map((row) => row.id)
    return new StepResponse(ids, ids)
  },
  // only what this run recorded goes
  async (ids, { container }) => {
    if (ids?.length) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteOrderReturnPolicies(ids)
    }
  }
)
