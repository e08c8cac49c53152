import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getLastFulfillmentStatus } from "@medusajs/medusa/core-flows"
import { POST_PURCHASE_MODULE, type NewOrderAnchor } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"
import { addDays, transitDays } from "../../lib/delivery-estimate"
import type { AnchoredOrder } from "./create-order-followups"

export type FulfillmentEvent = "fulfillment_created" | "shipment_created" | "delivery_created"

export type ResolveFulfillmentEventStepInput = {
  fulfillment_id: string
  event: FulfillmentEvent
  /** The event's own time. */
  occurred_at: string | Date
}

/** What a fulfillment event means for an order's follow-ups. */
export type ResolvedFulfillmentEvent = {
  order_id: string | null
  /** What the flows count from now: a shipment, a delivery, or a delivery estimated from the shipment. */
  anchored: AnchoredOrder[]
  /** The order's delivery as this event tells it: reported (the whole order delivered), or estimated. */
  delivery: { at: Date; estimated: boolean } | null
  /** Anchors to record once the follow-ups are written (estimates are not recorded). */
  anchors: NewOrderAnchor[]
}

type FulfillmentRow = {
  id: string
  requires_shipping: boolean
  created_at: string | Date
  shipped_at: string | Date | null
  delivered_at: string | Date | null
  canceled_at: string | Date | null
  order?: { id: string } | null
}

/** The order fields Medusa's own fulfillment status needs (see getOrderDetailWorkflow). */
const ORDER_FIELDS = [
  "id",
  "email",
  "customer_id",
  "status",
  "shipping_address.country_code",
  "fulfillments.id",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  // the quantities come only with the whole line item and its detail
  "items.*",
  "items.detail.*",
]

export const resolveFulfillmentEventStepId = "pp-resolve-fulfillment-event"

/**
 * Works out what a fulfillment event means for its order:
 * - a shipment: the order is shipped (its first shipment is what counts), and
 *   its delivery is estimated at the shipment plus the transit time;
 * - a fulfillment that needs no shipping (pickup, digital items): it never
 *   ships, so the delivery estimate starts from it;
 * - a delivery: the order is delivered once Medusa counts it so, i.e. every
 *   fulfillment is delivered and nothing is left unfulfilled. A parcel of a
 *   split shipment is not enough.
 *
 * No compensation: it only reads.
 */
export const resolveFulfillmentEventStep = createStep(
  resolveFulfillmentEventStepId,
  async ({ fulfillment_id, event, occurred_at }: ResolveFulfillmentEventStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const none: ResolvedFulfillmentEvent = { order_id: null, anchored: [], delivery: null, anchors: [] }

    const {
      data: [fulfillment],
    } = (await query.graph({
      entity: "fulfillment",
      fields: ["id", "requires_shipping", "created_at", "shipped_at", "delivered_at", "canceled_at", "order.id"],
      filters: { id: fulfillment_id },
    })) as { data: FulfillmentRow[] }
    if (!fulfillment?.order?.id || fulfillment.canceled_at) {
      return new StepResponse(none)
    }
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: fulfillment.order.id } })
    if (!order || order.status === "canceled") {
      return new StepResponse(none)
    }

    const recipient = { id: order.id, email: order.email ?? null, customer_id: order.customer_id ?? null }
    const resolved: ResolvedFulfillmentEvent = { ...none, order_id: order.id }
    const happened = new Date(occurred_at)

    if (event === "shipment_created" || (event === "fulfillment_created" && !fulfillment.requires_shipping)) {
      // a fulfillment that never ships starts the delivery estimate when it is created
      const from = event === "shipment_created" ? new Date(fulfillment.shipped_at ?? happened) : new Date(fulfillment.created_at)
      if (event === "shipment_created") {
        resolved.anchored.push({ ...recipient, anchor: "shipped", anchor_at: from })
        resolved.anchors.push({ order_id: order.id, anchor: "shipped", occurred_at: from, source: "event" })
      }
      // the order is delivered when its last part is: a part shipped later moves the estimate
      const estimate = addDays(from, await transitDays(container, service.getOptions(), order.shipping_address?.country_code))
      resolved.delivery = { at: estimate, estimated: true }
      resolved.anchored.push({ ...recipient, anchor: "delivered", anchor_at: estimate, estimated: true })
    }

    if (event === "delivery_created" && getLastFulfillmentStatus(order as never) === "delivered") {
      const at = new Date(fulfillment.delivered_at ?? happened)
      resolved.delivery = { at, estimated: false }
      resolved.anchored.push({ ...recipient, anchor: "delivered", anchor_at: at })
      resolved.anchors.push({ order_id: order.id, anchor: "delivered", occurred_at: at, source: "event" })
    }
    return new StepResponse(resolved)
  }
)
