import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { revertRefundedPointsWorkflow } from "../workflows/loyalty/revert-refunded-points"

/**
 * A refund of an order's payment takes back the points of what it refunds
 * beyond the items in the order's returns (whose returns take their own), as
 * a refund to store credit does.
 */
export default async function loyaltyPaymentRefundedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id: event.data.id } })
  const orderId = (payment as { payment_collection?: { order?: { id: string } | null } | null } | undefined)?.payment_collection?.order?.id
  if (orderId) {
    await revertRefundedPointsWorkflow(container).run({ input: { order_id: orderId } })
  }
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "pp-loyalty-payment-refunded" },
}
