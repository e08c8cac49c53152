import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULTS } from "../../lib/defaults"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"
import { reconcileWindow } from "./find-unscheduled-orders"
import type { FulfillmentEvent } from "./resolve-fulfillment-event"

export type MissedFulfillmentEvent = { fulfillment_id: string; event: FulfillmentEvent; occurred_at: Date }

type FulfillmentRow = {
  id: string
  shipped_at: string | Date | null
  delivered_at: string | Date | null
  order?: { id: string } | null
}

export const findMissedFulfillmentEventsStepId = "pp-find-missed-fulfillment-events"

/**
 * Finds shipments and deliveries in the reconciliation's window whose event
 * the plugin missed (a failed subscriber, a restart): the order, which the
 * plugin handled when it was placed, has no `shipped`, or no `delivered`, anchor. Returns them in the order they
 * happened, to be tracked as their events would have been: every shipped
 * part of such an order (the last one moves the delivery estimate), then its
 * latest delivery (whether the whole order is delivered is decided there).
 *
 * No compensation: it only reads.
 */
export const findMissedFulfillmentEventsStep = createStep(
  findMissedFulfillmentEventsStepId,
  async (input: { now?: string | Date }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const window = await reconcileWindow(service, input.now)
    if (!window) {
      return new StepResponse([] as MissedFulfillmentEvent[])
    }
    const range = { $gte: new Date(window.since), $lte: new Date(window.until) }
    const fields = ["id", "shipped_at", "delivered_at", "order.id"]
    const [{ data: shipped }, { data: delivered }] = await Promise.all([
      query.graph({ entity: "fulfillment", fields, filters: { shipped_at: range, canceled_at: null } }),
      query.graph({ entity: "fulfillment", fields, filters: { delivered_at: range, canceled_at: null } }),
    ])
    const orderIds = [...new Set([...shipped, ...delivered].map((row: FulfillmentRow) => row.order?.id).filter(Boolean))] as string[]
    if (!orderIds.length) {
      return new StepResponse([] as MissedFulfillmentEvent[])
    }
    const anchors = await service.listOrderAnchors({ order_id: orderIds }, { select: ["order_id", "anchor"] })
    const has = new Set(anchors.map((anchor) => `${anchor.order_id}:${anchor.anchor}`))
    // only orders the plugin handled: placed since it was installed (the placed reconciliation sees to missed ones)
    const ofOurOrders = (rows: FulfillmentRow[]) => rows.filter((row) => row.order?.id && has.has(`${row.order.id}:placed`))
    const shipments = ofOurOrders(shipped as FulfillmentRow[])
    const deliveries = ofOurOrders(delivered as FulfillmentRow[])

    const missed: MissedFulfillmentEvent[] = shipments
      .filter((row) => !has.has(`${row.order!.id}:shipped`))
      .map((row) => ({ fulfillment_id: row.id, event: "shipment_created" as const, occurred_at: new Date(row.shipped_at!) }))
      .sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime())
    const latestDelivery = new Map<string, FulfillmentRow>()
    for (const row of deliveries.filter((row) => !has.has(`${row.order!.id}:delivered`))) {
      const latest = latestDelivery.get(row.order!.id)
      if (!latest || new Date(row.delivered_at!) > new Date(latest.delivered_at!)) {
        latestDelivery.set(row.order!.id, row)
      }
    }
    for (const row of latestDelivery.values()) {
      missed.push({ fulfillment_id: row.id, event: "delivery_created", occurred_at: new Date(row.delivered_at!) })
    }
    return new StepResponse(missed.slice(0, DEFAULTS.reconcileBatchSize))
  }
)
