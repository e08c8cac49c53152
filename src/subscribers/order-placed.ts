import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { scheduleOrderFollowupsWorkflow } from "../workflows/schedule-order-followups"

/** Schedules the order's follow-ups: the confirmation now, the thank-you later. */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await scheduleOrderFollowupsWorkflow(container).run({
    input: { order_id: event.data.id, trigger: "order.placed" },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-order-placed" },
}
