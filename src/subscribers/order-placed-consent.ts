import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { bindCheckoutConsentWorkflow } from "../workflows/consent/bind-checkout-consent"

/** The consent a guest gave at checkout counts now that the cart is an order. */
export default async function orderPlacedConsentHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await bindCheckoutConsentWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pp-order-placed-consent" },
}
