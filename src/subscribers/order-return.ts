import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackReturnWorkflow } from "../workflows/track-return"

/**
 * A return was requested (its items are recorded as pending) or received
 * (they count as returned; a fully returned order gets no more marketing email).
 */
export default async function orderReturnHandler({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await trackReturnWorkflow(container).run({ input: { order_id: event.data.order_id, return_id: event.data.return_id } })
}

export const config: SubscriberConfig = {
  event: ["order.return_requested", "order.return_received"],
  context: { subscriberId: "pp-order-return" },
}
