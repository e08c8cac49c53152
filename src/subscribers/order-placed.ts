import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { scheduleOrderFollowupsWorkflow } from "../workflows/schedule-order-followups"
import { eventTime } from "../lib/event-time"

/**
 * Schedules the order's follow-ups from the moment it was placed: the event's
 * own time, not the order's `created_at` (a converted draft keeps the draft's).
 */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await scheduleOrderFollowupsWorkflow(container).run({
    input: { order_id: event.data.id, occurred_at: eventTime(event) },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-order-placed" },
}
