import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { countReferralWorkflow } from "../workflows/loyalty/count-referral"

/** A placed order that used a referral's discount counts the referral and gives the referrer their pending points. */
export default async function loyaltyReferralOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await countReferralWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-loyalty-referral-order-placed" },
}
