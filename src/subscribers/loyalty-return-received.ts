import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { revertReturnedPointsWorkflow } from "../workflows/loyalty/revert-returned-points"

/** Items came back: the order gives back their share of its points. A requested return takes nothing; it can still be canceled. */
export default async function loyaltyReturnReceivedHandler({ event, container }: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await revertReturnedPointsWorkflow(container).run({ input: { order_id: event.data.order_id, return_id: event.data.return_id } })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "pp-loyalty-return-received" },
}
