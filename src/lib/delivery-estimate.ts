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
  canceled_at?: string | Date | null
}

/**
 * What a flow that must not arrive before the parcel waits for: nothing once
 * the order counts as delivered, by the event (Medusa's own status) or by the
 * fallback (every item shipped, plus the transit time); until the fallback's
 * date once everything shipped; otherwise it looks again later.
 */
export async function deliveryWait(container: any, order: Record<string, any>, options: PluginOptions, now: Date): Promise<Wait | null> {
  if (getLastFulfillmentStatus(order as never) === "delivered") {
    return null
  }
  const items = (order.items ?? []) as { quantity: unknown; detail?: { fulfilled_quantity?: unknown } }[]
  const fulfillments = ((order.fulfillments ?? []) as FulfillmentDates[]).filter((f) => !f.canceled_at)
  // the last part to leave starts the estimate; a fulfillment that never ships starts it when it is made
  const starts = fulfillments.map((f) => f.shipped_at ?? (f.requires_shipping === false ? f.created_at : null))
  const allFulfilled =
    items.length > 0 && items.every((item) => MathBN.gte((item.detail?.fulfilled_quantity as number) ?? 0, item.quantity as number))
  if (allFulfilled && starts.length && starts.every(Boolean)) {
    const lastLeft = new Date(Math.max(...starts.map((at) => new Date(at!).getTime())))
    const estimate = addDays(lastLeft, await transitDays(container, options, order.shipping_address?.country_code))
    return { until: estimate, reason: `waits for the delivery, estimated at ${estimate.toISOString()}` }
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
