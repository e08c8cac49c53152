import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/earn-order-points"

/** A placed order earns its customer pending points (when the loyalty programme is on). */
export default async function loyaltyOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-loyalty-order-placed" },
}
