import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { awardSignupBonusWorkflow } from "../workflows/loyalty/award-signup-bonus"

/** A customer who created an account gets the loyalty programme's signup bonus (when it has one). */
export default async function loyaltyCustomerCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await awardSignupBonusWorkflow(container).run({ input: { customer_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "pp-loyalty-customer-created" },
}
