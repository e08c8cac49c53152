import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { createPromotionsWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyEvents, type RewardRedeemedData } from "../../modules/loyalty/events"
import { isStoreCreditReward } from "../../modules/loyalty/settings"
import { creditStoreCreditRewardStep } from "./steps/credit-store-credit-reward"
import { deductRewardPointsStep } from "./steps/deduct-reward-points"
import { prepareRewardRedemptionStep, type PrepareRewardRedemptionStepInput, type RewardRedemption } from "./steps/prepare-reward-redemption"

export type RedeemLoyaltyRewardWorkflowInput = PrepareRewardRedemptionStepInput

/**
 * The promotion rule that binds a code to one customer. Medusa evaluates a
 * code's rules against the cart it is added to, which it loads with
 * `customer.*` (core-flows' `cartFieldsForRefreshSteps`), so `customer.id`
 * is the signed-in customer's id: on anyone else's cart, or a guest's, the
 * code gives nothing.
 */
export const REWARD_CUSTOMER_RULE_ATTRIBUTE = "customer.id"

/** Marks the promotions a redemption made, on their `metadata`. */
export const REWARD_PROMOTION_METADATA = {
  source: "pp_loyalty_reward",
  customer: "pp_loyalty_customer_id",
  entry: "pp_loyalty_entry_id",
  reward: "pp_loyalty_reward_id",
} as const

/**
 * The Medusa promotion a reward becomes: a single-use code (`limit` 1) for
 * the customer's whole order, an amount off in the reward's currency (tax
 * included, so €5 off takes €5 off what they pay) or a percentage. Medusa
 * ends a promotion through its campaign, so each code gets a campaign of its
 * own that ends when the reward does.
 */
export function rewardPromotion(redemption: RewardRedemption, entryId: string): CreatePromotionDTO {
  const { discount } = redemption.reward
  if (discount.kind === "store_credit") {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `reward_id "${redemption.reward.id}" is paid as store credit, not a promotion`)
  }
  const fixed = discount.kind === "fixed"
  return {
    code: redemption.code,
    type: "standard",
    status: "active",
    is_automatic: false,
    is_tax_inclusive: fixed,
    limit: 1,
    application_method: {
      type: discount.kind,
      target_type: "order",
      allocation: "across",
      value: discount.value,
      ...(fixed && discount.currency_code ? { currency_code: discount.currency_code } : {}),
    },
    rules: [{ attribute: REWARD_CUSTOMER_RULE_ATTRIBUTE, operator: "eq", values: [redemption.customer_id] }],
    campaign: {
      name: `Loyalty reward ${redemption.code}`,
      description: `${redemption.reward.name}, redeemed with loyalty points`,
      campaign_identifier: `pp-loyalty-${redemption.code.toLowerCase()}`,
      starts_at: new Date(redemption.redeemed_at),
      ends_at: new Date(redemption.expires_at),
    },
    metadata: {
      [REWARD_PROMOTION_METADATA.source]: true,
      [REWARD_PROMOTION_METADATA.customer]: redemption.customer_id,
      [REWARD_PROMOTION_METADATA.entry]: entryId,
      [REWARD_PROMOTION_METADATA.reward]: redemption.reward.id,
    },
  }
}

export const redeemLoyaltyRewardWorkflowId = "pp-redeem-loyalty-reward"

/**
 * A customer spends points on a reward: the redemption is checked, the
 * points are taken (never more than they have, whatever else runs at the same
 * moment), then the reward becomes a Medusa promotion through Medusa's own
 * workflow, or (a store-credit reward) an amount on the customer's
 * store-credit account through the loyalty plugin's Store Credit Module. When
 * the promotion or the credit cannot be made, the points come back on a
 * `revert` line. Emits `loyalty.reward_redeemed`, with the code (null for store credit).
 */
export const redeemLoyaltyRewardWorkflow = createWorkflow(redeemLoyaltyRewardWorkflowId, (input: RedeemLoyaltyRewardWorkflowInput) => {
  const redemption = prepareRewardRedemptionStep(input)
  const entry = deductRewardPointsStep(redemption)

  const promotions = when("pp-reward-as-promotion", { redemption }, ({ redemption }) => !isStoreCreditReward(redemption.reward)).then(() => {
    const promotionInput = transform({ redemption, entry }, ({ redemption, entry }) => ({
      promotionsData: [rewardPromotion(redemption, entry.id)],
    }))
    return createPromotionsWorkflow.runAsStep({ input: promotionInput })
  })
  const storeCredit = when("pp-reward-as-store-credit", { redemption }, ({ redemption }) => isStoreCreditReward(redemption.reward)).then(() =>
    creditStoreCreditRewardStep({ redemption, entry_id: entry.id })
  )

  // announced once the promotion (or the credit) exists, so the reward-code email never carries a code that does not work
  const redeemed = transform({ redemption, entry, promotions, storeCredit }, ({ redemption, entry, storeCredit }): RewardRedeemedData => ({
    customer_id: redemption.customer_id,
    entry_id: entry.id,
    reward_id: redemption.reward.id,
    code: storeCredit ? null : redemption.code,
    expires_at: storeCredit ? null : new Date(redemption.expires_at).toISOString(),
    store_credit: storeCredit ? { amount: storeCredit.amount, currency_code: storeCredit.currency_code } : null,
  }))
  emitEventStep({ eventName: LoyaltyEvents.REWARD_REDEEMED, data: redeemed })

  return new WorkflowResponse(
    transform({ redemption, entry, promotions, storeCredit }, ({ redemption, entry, promotions, storeCredit }) => ({
      reward: {
        code: storeCredit ? null : redemption.code,
        name: redemption.reward.name,
        discount: redemption.reward.discount,
        expires_at: storeCredit ? null : redemption.expires_at,
        points_spent: redemption.reward.points_cost,
      },
      entry_id: entry.id,
      promotion_id: promotions?.[0]?.id ?? null,
      store_credit: storeCredit ?? null,
    }))
  )
})
