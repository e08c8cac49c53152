import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackFulfillmentWorkflow } from "../workflows/track-fulfillment"
import { eventTime } from "../lib/event-time"

/** A fulfillment that needs no shipping never ships: its delivery estimate starts here. */
export default async function fulfillmentCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ order_id: string; fulfillment_id: string }>) {
  await trackFulfillmentWorkflow(container).run({
    input: { fulfillment_id: event.data.fulfillment_id, event: "fulfillment_created", occurred_at: eventTime(event) },
  })
}

export const config: SubscriberConfig = {
  event: "order.fulfillment_created",
  context: { subscriberId: "pp-fulfillment-created" },
}
