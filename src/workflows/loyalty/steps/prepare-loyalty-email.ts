import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  PointsEarnedData,
  PointsExpiringData,
  ReferralSuccessData,
  RewardCodeData,
  TierChangedEmailData,
} from "../../../flows/loyalty-data"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import {
  LoyaltyEvents,
  type PointsConfirmedData,
  type PointsExpiringData as PointsExpiringEvent,
  type ReferralSucceededData,
  type RewardRedeemedData,
  type TierChangedData,
} from "../../../modules/loyalty/events"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltySettings } from "../../../modules/loyalty/settings"
import type { ScheduleFlowEmailStepInput } from "../../steps/schedule-flow-email"

/** One loyalty event, as the subscribers hand it on. */
export type LoyaltyEmailEvent =
  | { name: typeof LoyaltyEvents.POINTS_CONFIRMED; data: PointsConfirmedData }
  | { name: typeof LoyaltyEvents.REWARD_REDEEMED; data: RewardRedeemedData }
  | { name: typeof LoyaltyEvents.TIER_CHANGED; data: TierChangedData }
  | { name: typeof LoyaltyEvents.POINTS_EXPIRING; data: PointsExpiringEvent }
  | { name: typeof LoyaltyEvents.REFERRAL_SUCCEEDED; data: ReferralSucceededData }

export const prepareLoyaltyEmailStepId = "pp-prepare-loyalty-email"

/**
 * What the email a loyalty event calls for is made of, read now (the
 * balance, the programme's rewards and tiers), so the email says what was
 * true when it happened however late it goes out. Null when there is nothing
 * to send (no points, no customer, a reward paid as store credit, which has no code).
 *
 * No compensation: it only reads.
 */
export const prepareLoyaltyEmailStep = createStep(
  prepareLoyaltyEmailStepId,
  async (event: LoyaltyEmailEvent, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    return new StepResponse(await emailFor(event, settings, loyalty, container))
  }
)

async function emailFor(
  event: LoyaltyEmailEvent,
  settings: LoyaltySettings,
  loyalty: LoyaltyModuleService,
  container: MedusaContainer
): Promise<ScheduleFlowEmailStepInput | null> {
  switch (event.name) {
    case LoyaltyEvents.POINTS_CONFIRMED: {
      const { customer_id, order_id, points, entry_id } = event.data
      if (points <= 0) {
        return null
      }
      // a referrer's points sit on their friend's order: the email about an order goes to its buyer only,
      // and the referrer has had the referral success, which never names the friend or the order
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["customer_id"], filters: { id: order_id } })
      if (order?.customer_id !== customer_id) {
        return null
      }
      const available = (await loyalty.accountOf(customer_id))?.available ?? points
      const metadata: PointsEarnedData = { entry_id, points, available, prospect: rewardProspect(settings, available) }
      return { flow: "loyalty-points-earned", customer_id, order_id, metadata, key: entry_id, anchor_event: event.name }
    }
    case LoyaltyEvents.REWARD_REDEEMED: {
      const { customer_id, entry_id, reward_id, code, expires_at } = event.data
      // store credit has no code to deliver: the customer saw it credited when they redeemed, and the
      // balance is on their store-credit account; the reward-code email would only show an empty code
      if (!code || !expires_at || event.data.store_credit) {
        return null
      }
      const reward = settings.rewards.find((r) => r.id === reward_id)
      const kind = reward?.discount.kind
      const metadata: RewardCodeData = {
        entry_id,
        code,
        reward: reward?.name ?? reward_id,
        discount:
          reward && kind && kind !== "store_credit"
            ? { kind, value: reward.discount.value, currency_code: reward.discount.currency_code ?? null }
            : { kind: "percentage", value: 0, currency_code: null },
        expires_at,
      }
      return { flow: "loyalty-reward-code", customer_id, metadata, key: entry_id, anchor_event: event.name }
    }
    case LoyaltyEvents.POINTS_EXPIRING: {
      const { customer_id, points, expires_at } = event.data
      if (points <= 0) {
        return null
      }
      const metadata: PointsExpiringData = { points, expires_at }
      // one reminder per expiry date, as the event promises
      return { flow: "loyalty-points-expiring", customer_id, metadata, key: `${customer_id}:${expires_at.slice(0, 10)}`, anchor_event: event.name }
    }
    case LoyaltyEvents.TIER_CHANGED: {
      const { customer_id, from, to, direction } = event.data
      const levels = settings.tiers.levels
      const level = (id: string | null) => (id ? levels.find((l) => l.id === id) : undefined)
      const left = level(from)
      const now = level(to)
      const metadata: TierChangedEmailData = {
        direction,
        tier: now?.name ?? to,
        multiplier: now?.multiplier ?? 1,
        comeback:
          direction === "down" && left
            ? { tier: left.name, basis: settings.tiers.basis, threshold: left.threshold, currency_code: settings.tiers.currency_code ?? null }
            : null,
      }
      // a member can move the same way more than once: each move is its own email, keyed by where it went and when
      return {
        flow: "loyalty-tier-changed",
        customer_id,
        metadata,
        key: `${customer_id}:${from ?? "none"}>${to ?? "none"}:${new Date().toISOString().slice(0, 10)}`,
        anchor_event: event.name,
      }
    }
    case LoyaltyEvents.REFERRAL_SUCCEEDED: {
      const { referrer_customer_id, order_id, points, entry_id } = event.data
      if (points <= 0) {
        return null
      }
      const metadata: ReferralSuccessData = { points }
      // about the referrer's account: the friend's order is only the key, never on the email
      return { flow: "loyalty-referral-success", customer_id: referrer_customer_id, metadata, key: entry_id ?? `referral:${order_id}`, anchor_event: event.name }
    }
  }
}

/** The dearest reward the balance pays for, else the cheapest one and how many points it still takes. */
export function rewardProspect(settings: LoyaltySettings, available: number): PointsEarnedData["prospect"] {
  const rewards = [...settings.rewards].sort((a, b) => a.points_cost - b.points_cost)
  const affordable = rewards.filter((r) => r.points_cost <= available).pop()
  if (affordable) {
    return { reward: affordable.name, missing: 0 }
  }
  return rewards[0] ? { reward: rewards[0].name, missing: rewards[0].points_cost - available } : null
}
