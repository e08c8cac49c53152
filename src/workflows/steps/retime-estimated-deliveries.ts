import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findFlow } from "../../flows"
import { loadOrderReturnTerms } from "../../lib/return-terms"
import { ANCHOR_EVENTS, POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type RetimeEstimatedDeliveriesStepInput = {
  order_id: string | null
  /** The order's delivery: reported, or estimated again from a part shipped later; nothing moves without it. */
  delivery: { at: string | Date; estimated: boolean } | null
}

/** A moved row as it was, to put it back; `skipped` when its flow found nothing to send for the new delivery. */
type PreviousTiming = { id: string; anchor_at: Date; send_at: Date; skipped?: boolean }

export const retimeEstimatedDeliveriesStepId = "pp-retime-estimated-deliveries"

/**
 * Follow-ups timed from an estimated delivery (shipment + transit) move to
 * the reported delivery, or to a later estimate when another part of the
 * order shipped later. The same rows move; none is added. A flow with its
 * own timing (`dueAt`) is timed again from the new delivery rather than
 * shifted with it (a shift keeps the hour of the estimate, not the morning
 * the flow asks for), and skipped when it has nothing to send any more.
 */
export const retimeEstimatedDeliveriesStep = createStep(
  retimeEstimatedDeliveriesStepId,
  async ({ order_id, delivery }: RetimeEstimatedDeliveriesStepInput, { container }) => {
    if (!order_id || !delivery) {
      return new StepResponse([] as string[], [] as PreviousTiming[])
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const at = new Date(delivery.at)
    const previous: PreviousTiming[] = await service.retimeEstimatedDeliveries(order_id, { at, estimated: delivery.estimated })

    const moved = previous.length
      ? await service.listFollowups({ id: previous.map((row) => row.id) }, { select: ["id", "flow"] })
      : []
    const selfTimed = moved.flatMap((row) => {
      const flow = findFlow(row.flow)
      return flow?.dueAt ? [{ id: row.id, flow }] : []
    })
    if (selfTimed.length) {
      const returnTerms = selfTimed.some(({ flow }) => flow.needsReturnTerms)
        ? (await loadOrderReturnTerms(container, [order_id])).get(order_id)
        : undefined
      const options = service.getOptions()
      const now = new Date()
      for (const { id, flow } of selfTimed) {
        const due = flow.dueAt!({ anchorAt: at, estimated: delivery.estimated, returnTerms, options, now })
        if (due) {
          await service.transitionFollowups([id], ["scheduled"], { send_at: due })
        } else {
          await service.transitionFollowups([id], ["scheduled"], {
            status: "skipped",
            status_reason: `Nothing to send for the delivery of ${at.toISOString()}: nothing of the order can be returned, or the email's moment has passed`,
          })
          previous.find((row) => row.id === id)!.skipped = true
        }
      }
    }
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
    for (const { id, anchor_at, send_at, skipped } of previous) {
      await service.transitionFollowups([id], [skipped ? "skipped" : "scheduled"], {
        anchor_event: ANCHOR_EVENTS.estimatedDelivery,
        anchor_at,
        send_at,
        ...(skipped ? { status: "scheduled" as const, status_reason: null } : {}),
      })
    }
  }
)
