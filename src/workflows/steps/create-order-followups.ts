import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { delayAfterAnchor, flowsAnchoredOn, flowsTimedByReturnTerms, followupDueAt, loadFlowSettings, type FlowAnchor } from "../../flows"
import { loadOrderReturnTerms } from "../../lib/return-terms"
import { resolveOrderLocales } from "../../i18n/resolve"
import { ANCHOR_EVENTS, POST_PURCHASE_MODULE, type NewFollowup } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

/** Something that happened to an order, which the flows anchored on it count from. */
export type AnchoredOrder = {
  id: string
  email: string | null
  customer_id: string | null
  anchor: FlowAnchor
  /** When it happened, as reported; a time recorded earlier for the order wins. */
  anchor_at: string | Date
  /** A delivery estimated from the shipment (the delivery fallback), not reported. */
  estimated?: boolean
}

export type CreateOrderFollowupsStepInput = { orders: AnchoredOrder[] }

export const createOrderFollowupsStepId = "pp-create-order-followups"

/**
 * Schedules one follow-up per order and enabled flow anchored on what
 * happened, timed from the anchor recorded for the order if there is one (a
 * redelivered event moves nothing), else from the reported time: its delay
 * after it, or the flow's own rule (`dueAt`), which may find nothing to send.
 * Follow-ups that already exist are left alone. Runs before the anchor is recorded, so an
 * order whose follow-ups were never written has no anchor and the
 * reconciliation finds it.
 */
export const createOrderFollowupsStep = createStep(
  createOrderFollowupsStepId,
  async ({ orders }: CreateOrderFollowupsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const withEmail = orders.filter((order) => order.email)
    if (!withEmail.length) {
      return new StepResponse([] as string[], [] as string[])
    }
    const settingOf = await loadFlowSettings(service)
    const recorded = await service.listOrderAnchors(
      { order_id: [...new Set(withEmail.map((order) => order.id))] },
      { select: ["order_id", "anchor", "occurred_at"] }
    )
    const recordedAt = new Map(recorded.map((a) => [`${a.order_id}:${a.anchor}`, a.occurred_at]))

    // the return terms of the orders with a flow timed by them, read once
    const timedByTerms = withEmail.filter((order) => flowsTimedByReturnTerms(flowsAnchoredOn(order.anchor, settingOf)).length)
    const returnTerms = await loadOrderReturnTerms(container, [...new Set(timedByTerms.map((order) => order.id))])
    const options = service.getOptions()
    const now = new Date()

    const rows: NewFollowup[] = withEmail.flatMap((order) => {
      // a delivery reported already wins over any estimate
      const known = recordedAt.get(`${order.id}:${order.anchor}`)
      const estimated = !!order.estimated && !known
      const anchorAt = new Date(known ?? order.anchor_at)
      return flowsAnchoredOn(order.anchor, settingOf).flatMap((flow) => {
        const sendAt = followupDueAt(flow, delayAfterAnchor(flow, settingOf), {
          anchorAt,
          estimated,
          returnTerms: returnTerms.get(order.id),
          options,
          now,
        })
        // a flow with its own timing may have nothing to send for this order
        return sendAt
          ? [
              {
                flow: flow.key,
                step: 0,
                order_id: order.id,
                customer_id: order.customer_id,
                email: order.email!,
                anchor_event: estimated ? ANCHOR_EVENTS.estimatedDelivery : ANCHOR_EVENTS[order.anchor],
                anchor_at: anchorAt,
                send_at: sendAt,
                idempotency_key: `${order.id}:${flow.key}:0`,
              },
            ]
          : []
      })
    })

    // each email's language is settled when it is scheduled
    const orderIds = rows.map((row) => row.order_id).filter((id): id is string => !!id)
    const locales = orderIds.length ? await resolveOrderLocales(container, orderIds) : new Map<string, string>()
    const created = await service.createMissingFollowups(rows.map((row) => ({ ...row, locale: (row.order_id && locales.get(row.order_id)) || null })))
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
