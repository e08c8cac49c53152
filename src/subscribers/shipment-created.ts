import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackFulfillmentWorkflow } from "../workflows/track-fulfillment"
import { eventTime } from "../lib/event-time"

/**
 * The order (or a part of it) shipped. `no_notification` asks for no notice
 * about the shipment; the plugin sends none, and the shipment still times the
 * follow-ups anchored on it, which are not notices about the parcel.
 */
export default async function shipmentCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackFulfillmentWorkflow(container).run({
    input: { fulfillment_id: event.data.id, event: "shipment_created", occurred_at: eventTime(event) },
  })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "pp-shipment-created" },
}
