import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyEvents, type PointsConfirmedData } from "../modules/loyalty/events"
import { updateLoyaltyTierWorkflow } from "../workflows/loyalty/update-tier"

/** Confirmed points count towards the tier: the member may move up now rather than at the daily run. */
export default async function loyaltyTierPointsConfirmedHandler({ event, container }: SubscriberArgs<PointsConfirmedData>) {
  await updateLoyaltyTierWorkflow(container).run({ input: { customer_id: event.data.customer_id } })
}

export const config: SubscriberConfig = {
  event: LoyaltyEvents.POINTS_CONFIRMED,
  context: { subscriberId: "pp-loyalty-tier-points-confirmed" },
}
