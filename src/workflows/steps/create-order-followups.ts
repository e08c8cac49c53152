import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { flowsFor, loadFlowSettings, TRIGGER_ANCHOR, type FlowTrigger } from "../../flows"
import { POST_PURCHASE_MODULE, type NewFollowup } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type OrderToSchedule = {
  id: string
  email: string | null
  customer_id: string | null
  /** When the trigger happened, as reported; a time recorded earlier for the order wins. */
  anchor_at: string | Date
}

export type CreateOrderFollowupsStepInput = {
  orders: OrderToSchedule[]
  trigger: FlowTrigger
}

export const createOrderFollowupsStepId = "pp-create-order-followups"

/**
 * Schedules one follow-up per order and enabled flow of the trigger, timed
 * from the anchor recorded for the order if there is one (a redelivered event
 * moves nothing), else from the reported time. Follow-ups that already exist
 * are left alone. Runs before the anchor is recorded, so an order whose
 * follow-ups were never written has no anchor and the reconciliation finds it.
 */
export const createOrderFollowupsStep = createStep(
  createOrderFollowupsStepId,
  async ({ orders, trigger }: CreateOrderFollowupsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const settingOf = await loadFlowSettings(service)
    const flows = flowsFor(trigger).filter((flow) => settingOf(flow).enabled)
    const recorded = await service.listOrderAnchors(
      { order_id: orders.map((order) => order.id), anchor: TRIGGER_ANCHOR[trigger] },
      { select: ["order_id", "occurred_at"] }
    )
    const recordedAt = new Map(recorded.map((anchor) => [anchor.order_id, anchor.occurred_at]))

    const rows: NewFollowup[] = orders.flatMap((order) => {
      if (!order.email) {
        return []
      }
      const anchor = new Date(recordedAt.get(order.id) ?? order.anchor_at)
      return flows.map((flow) => ({
        flow: flow.key,
        step: 0,
        order_id: order.id,
        customer_id: order.customer_id,
        email: order.email!,
        anchor_event: trigger,
        anchor_at: anchor,
        send_at: new Date(anchor.getTime() + settingOf(flow).delay_seconds * 1000),
        idempotency_key: `${order.id}:${flow.key}:0`,
      }))
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
