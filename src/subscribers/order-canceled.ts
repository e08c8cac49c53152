import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderFollowupsWorkflow } from "../workflows/cancel-order-followups"

/** A canceled order gets none of its pending follow-ups. */
export default async function orderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelOrderFollowupsWorkflow(container).run({
    input: { order_id: event.data.id, reason: "The order was canceled" },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "pp-order-canceled" },
}
