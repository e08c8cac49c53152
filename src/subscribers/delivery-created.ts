import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackFulfillmentWorkflow } from "../workflows/track-fulfillment"
import { eventTime } from "../lib/event-time"

/** A parcel was delivered; the order counts as delivered once its last part is. See shipment-created for `no_notification`. */
export default async function deliveryCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackFulfillmentWorkflow(container).run({
    input: { fulfillment_id: event.data.id, event: "delivery_created", occurred_at: eventTime(event) },
  })
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "pp-delivery-created" },
}
