import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { scheduleOrderFollowupsWorkflow } from "../workflows/schedule-order-followups"

/**
 * Schedules the order's follow-ups from the moment it was placed: the event's
 * own time, not the order's `created_at` (a converted draft keeps the draft's).
 */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const occurredAt = (event.metadata as { created_at?: Date | string } | undefined)?.created_at ?? new Date()
  await scheduleOrderFollowupsWorkflow(container).run({
    input: { order_id: event.data.id, trigger: "order.placed", occurred_at: occurredAt },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-order-placed" },
}
