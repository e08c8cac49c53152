import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flowsFor, loadFlowSettings, type FlowTrigger } from "../../flows"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type CreateOrderFollowupsStepInput = {
  order: { id: string; email: string | null; customer_id: string | null }
  trigger: FlowTrigger
  /** When the trigger happened; every delay counts from here. */
  anchor_at: string | Date
}

export const createOrderFollowupsStepId = "pp-create-order-followups"

/**
 * Schedules one follow-up per enabled flow of the trigger. Follow-ups that
 * already exist (the same event delivered again) are left alone.
 */
export const createOrderFollowupsStep = createStep(
  createOrderFollowupsStepId,
  async ({ order, trigger, anchor_at }: CreateOrderFollowupsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    if (!order.email) {
      return new StepResponse([], [])
    }
    const settingOf = await loadFlowSettings(service)
    const anchor = new Date(anchor_at)

    const rows = flowsFor(trigger).flatMap((flow) => {
      const setting = settingOf(flow)
      if (!setting.enabled) {
        return []
      }
      return [
        {
          flow: flow.key,
          step: 0,
          order_id: order.id,
          customer_id: order.customer_id,
          email: order.email!,
          anchor_event: trigger,
          anchor_at: anchor,
          send_at: new Date(anchor.getTime() + setting.delay_seconds * 1000),
          idempotency_key: `${order.id}:${flow.key}:0`,
        },
      ]
    })

    const created = await service.createMissingFollowups(rows)
    const ids = created.map((row) => row.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    await service.deleteFollowups(ids)
  }
)
