import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LoyaltyEvents } from "../modules/loyalty/events"
import { scheduleLoyaltyEmailWorkflow } from "../workflows/loyalty/schedule-loyalty-email"
import type { LoyaltyEmailEvent } from "../workflows/loyalty/steps/prepare-loyalty-email"

/** Each loyalty event schedules its email (points ready, reward code, points expiring, tier changed, referral came through). */
export default async function loyaltyEmailsHandler({ event, container }: SubscriberArgs<LoyaltyEmailEvent["data"]>) {
  await scheduleLoyaltyEmailWorkflow(container).run({ input: { name: event.name, data: event.data } as LoyaltyEmailEvent })
}

export const config: SubscriberConfig = {
  event: [
    LoyaltyEvents.POINTS_CONFIRMED,
    LoyaltyEvents.REWARD_REDEEMED,
    LoyaltyEvents.TIER_CHANGED,
    LoyaltyEvents.POINTS_EXPIRING,
    LoyaltyEvents.REFERRAL_SUCCEEDED,
  ],
  context: { subscriberId: "pp-loyalty-emails" },
}
