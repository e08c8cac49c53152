import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANCHOR_EVENTS, POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type RetimeEstimatedDeliveriesStepInput = {
  order_id: string | null
  /** The order's delivery: reported, or estimated again from a part shipped later; nothing moves without it. */
  delivery: { at: string | Date; estimated: boolean } | null
}

export const retimeEstimatedDeliveriesStepId = "pp-retime-estimated-deliveries"

/**
 * Follow-ups timed from an estimated delivery (shipment + transit) move to
 * the reported delivery, or to a later estimate when another part of the
 * order shipped later. The same rows move; none is added.
 */
export const retimeEstimatedDeliveriesStep = createStep(
  retimeEstimatedDeliveriesStepId,
  async ({ order_id, delivery }: RetimeEstimatedDeliveriesStepInput, { container }) => {
    if (!order_id || !delivery) {
      return new StepResponse([] as string[], [])
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const previous = await service.retimeEstimatedDeliveries(order_id, {
      at: new Date(delivery.at),
      estimated: delivery.estimated,
    })
    return new StepResponse(
      previous.map((row) => row.id),
      previous
    )
  },
  // back to the estimate, for rows nothing else moved on since
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    for (const { id, anchor_at, send_at } of previous) {
      await service.transitionFollowups([id], ["scheduled"], { anchor_event: ANCHOR_EVENTS.estimatedDelivery, anchor_at, send_at })
    }
  }
)
