import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateLoyaltyTierWorkflow } from "../workflows/loyalty/update-tier"

/**
 * A canceled order, or items received back, lower what the member spent in
 * the window: tiers by money spent may move down now. The points' own
 * reversal is the loyalty-order-canceled and loyalty-return-received
 * subscribers' part.
 */
export default async function loyaltyTierOrderChangedHandler({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = event.data.order_id ?? event.data.id
  if (!orderId) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: orderId } })
  if (order?.customer_id) {
    await updateLoyaltyTierWorkflow(container).run({ input: { customer_id: order.customer_id } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "order.return_received"],
  context: { subscriberId: "pp-loyalty-tier-order-changed" },
}
