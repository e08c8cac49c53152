import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus } from "@medusajs/medusa/core-flows"
import type { PluginOptions } from "../modules/post-purchase/options"
import type { Wait } from "./send-window"

const DAY_MS = 24 * 60 * 60 * 1000

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS)
}

/** The order fields `deliveryWait` reads; Medusa's fulfillment status needs the whole items and their detail. */
export const DELIVERY_ORDER_FIELDS = [
  "shipping_address.country_code",
  "fulfillments.id",
  "fulfillments.requires_shipping",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "items.*",
  "items.detail.*",
]

type FulfillmentDates = {
  requires_shipping?: boolean
  created_at: string | Date
  shipped_at?: string | Date | null
  delivered_at?: string | Date | null
  canceled_at?: string | Date | null
}

/**
 * When the order counts as delivered: the last fulfillment's delivery once
 * Medusa says delivered; the fallback (every item shipped, plus the transit
 * time) once everything has left; null before that.
 */
export async function deliveredAt(
  container: any,
  order: Record<string, any>,
  options: PluginOptions
): Promise<{ at: Date; estimated: boolean } | null> {
  const fulfillments = ((order.fulfillments ?? []) as FulfillmentDates[]).filter((f) => !f.canceled_at)
  if (getLastFulfillmentStatus(order as never) === "delivered") {
    const delivered = fulfillments.map((f) => f.delivered_at).filter(Boolean)
    // a Medusa "delivered" always has a delivery date; an order delivered before this record had none falls back to now
    return { at: delivered.length ? new Date(Math.max(...delivered.map((at) => new Date(at!).getTime()))) : new Date(), estimated: false }
  }
  const items = (order.items ?? []) as { quantity: unknown; detail?: { fulfilled_quantity?: unknown } }[]
  // the last part to leave starts the estimate; a fulfillment that never ships starts it when it is made
  const starts = fulfillments.map((f) => f.shipped_at ?? (f.requires_shipping === false ? f.created_at : null))
  const allFulfilled =
    items.length > 0 && items.every((item) => MathBN.gte((item.detail?.fulfilled_quantity as number) ?? 0, item.quantity as number))
  if (allFulfilled && starts.length && starts.every(Boolean)) {
    const lastLeft = new Date(Math.max(...starts.map((at) => new Date(at!).getTime())))
    return { at: addDays(lastLeft, await transitDays(container, options, order.shipping_address?.country_code)), estimated: true }
  }
  return null
}

/**
 * What a flow that must not arrive before the parcel waits for: nothing once
 * the order counts as delivered, by the event (Medusa's own status) or by the
 * fallback (every item shipped, plus the transit time); until the fallback's
 * date once everything shipped; otherwise it looks again later.
 */
export async function deliveryWait(container: any, order: Record<string, any>, options: PluginOptions, now: Date): Promise<Wait | null> {
  const delivery = await deliveredAt(container, order, options)
  if (delivery && !delivery.estimated) {
    return null
  }
  if (delivery) {
    return { until: delivery.at, reason: `waits for the delivery, estimated at ${delivery.at.toISOString()}` }
  }
  return {
    until: new Date(now.getTime() + options.delivery.recheckHours * 60 * 60 * 1000),
    reason: "waits for the delivery; the order has not shipped in full",
  }
}

/**
 * Days a parcel takes to `country`: domestic within the shop's home country
 * (the option, else the country of the store's default region when it has
 * exactly one), international otherwise, and when the home country is unknown
 * (a later estimate is the safer one: never too early).
 */
export async function transitDays(container: any, options: PluginOptions, country: string | null | undefined): Promise<number> {
  const { delivery } = options
  const home = delivery.homeCountry ?? (await defaultRegionCountry(container))
  return home && country && home === country.toLowerCase() ? delivery.domesticTransitDays : delivery.internationalTransitDays
}

async function defaultRegionCountry(container: any): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  if (!store?.default_region_id) {
    return null
  }
  const {
    data: [region],
  } = await query.graph({ entity: "region", fields: ["countries.iso_2"], filters: { id: store.default_region_id } })
  const countries = (region?.countries ?? []) as { iso_2: string }[]
  return countries.length === 1 ? countries[0].iso_2.toLowerCase() : null
}
