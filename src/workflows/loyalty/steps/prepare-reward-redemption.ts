import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeCreditAvailable } from "../../../lib/store-credit"
import { LOYALTY_MODULE, type Reward } from "../../../modules/loyalty"
import { isStoreCreditReward } from "../../../modules/loyalty/settings"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { groupedCode } from "../../../lib/loyalty-codes"

export type PrepareRewardRedemptionStepInput = {
  customer_id: string
  reward_id: string
  /**
   * A code chosen by the caller (a code announced in a campaign, say); the
   * Store API never takes one. Medusa refuses a code another promotion has.
   */
  code?: string | null
}

/**
 * A redemption that holds up: who, which reward, its code and when it ends.
 * A store-credit reward has no promotion code: its `code` (`CREDIT-XXXX-XXXX`)
 * only names the redemption, so a retry spends the points once.
 */
export type RewardRedemption = {
  customer_id: string
  reward: Reward
  code: string
  redeemed_at: string
  expires_at: string
}

export const prepareRewardRedemptionStepId = "pp-prepare-reward-redemption"

const DAY_MS = 24 * 60 * 60 * 1000
const CODE = /^[A-Z0-9][A-Z0-9_-]{3,39}$/


/**
 * Checks a redemption before any point moves: the programme is on, the reward
 * is one of its rewards, an amount off or store credit is in a currency the
 * store sells in, store credit only while the loyalty plugin runs, and the
 * customer exists. Chooses the promotion's code and expiry now, so the
 * ledger line and the promotion carry the same ones.
 *
 * No compensation: it only reads.
 */
export const prepareRewardRedemptionStep = createStep(
  prepareRewardRedemptionStepId,
  async (input: PrepareRewardRedemptionStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    if (!settings.enabled) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The loyalty programme is switched off: rewards cannot be redeemed")
    }
    const reward = settings.rewards.find((candidate) => candidate.id === input.reward_id)
    if (!reward) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `reward_id "${input.reward_id}" is not a reward of the loyalty programme`)
    }
    const storeCredit = isStoreCreditReward(reward)
    // checked again here, not only when the programme was saved: the app may have dropped the plugin since
    if (storeCredit && !storeCreditAvailable(container)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `reward_id "${reward.id}" is paid as store credit, which needs @medusajs/loyalty-plugin`
      )
    }
    const code = storeCredit ? groupedCode("CREDIT") : input.code?.trim().toUpperCase() || groupedCode("LOYAL")
    if (!CODE.test(code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "code must be 4 to 40 letters, digits, dashes or underscores")
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: input.customer_id } })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    const currency = reward.discount.kind !== "percentage" ? reward.discount.currency_code : null
    if (currency) {
      // an amount off (or store credit) in a currency no region sells in could never be spent
      const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { currency_code: currency } })
      if (!regions.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `reward_id "${reward.id}" is ${storeCredit ? "store credit" : "an amount off"} in ${currency.toUpperCase()}, which no region of the store sells in`
        )
      }
    }

    const redeemedAt = new Date()
    const redemption: RewardRedemption = {
      customer_id: input.customer_id,
      reward,
      code,
      redeemed_at: redeemedAt.toISOString(),
      expires_at: new Date(redeemedAt.getTime() + reward.expires_in_days * DAY_MS).toISOString(),
    }
    return new StepResponse(redemption)
  }
)
