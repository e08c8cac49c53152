import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revertOrderPointsWorkflow } from "../workflows/loyalty/revert-order-points"

/** A canceled order gives back the points it earned. */
export default async function loyaltyOrderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await revertOrderPointsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "pp-loyalty-order-canceled" },
}
