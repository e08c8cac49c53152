import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type LedgerEntryView } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { RewardRedemption } from "./prepare-reward-redemption"

type DeductedPoints = { customer_id: string; points: number; reward_id: string; code: string; entry_id: string }

export const deductRewardPointsStepId = "pp-deduct-reward-points"

/** The reason on the line that gives the points back when the reward's promotion could not be made. */
export const REWARD_NOT_CREATED = "The reward could not be created"

/**
 * Takes the reward's price from the customer's available points, with a
 * `redeem` line carrying the reward and its promotion code. Under the
 * account's row lock, so two redemptions at once never spend the same points:
 * the second finds too few and is refused ("Not enough points: …").
 */
export const deductRewardPointsStep = createStep(
  deductRewardPointsStepId,
  async (redemption: RewardRedemption, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const cost = redemption.reward.points_cost
    const [entry] = await loyalty.recordEntries(
      [
        {
          customer_id: redemption.customer_id,
          type: "redeem",
          points: -cost,
          available_delta: -cost,
          reason: redemption.reward.name,
          reward_id: redemption.reward.id,
          promotion_code: redemption.code,
          // a retried step spends once
          idempotency_key: `redeem:${redemption.code}`,
          metadata: { discount: redemption.reward.discount, expires_at: redemption.expires_at },
        },
      ],
      { requireAvailable: true }
    )
    const deducted: DeductedPoints = {
      customer_id: redemption.customer_id,
      points: cost,
      reward_id: redemption.reward.id,
      code: redemption.code,
      entry_id: entry.id,
    }
    return new StepResponse<LedgerEntryView, DeductedPoints>(entry, deducted)
  },
  async (deducted: DeductedPoints | undefined, { container }) => {
    if (!deducted) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    // the ledger is append-only: the points come back on a line of their own
    await loyalty.recordEntries([
      {
        customer_id: deducted.customer_id,
        type: "revert",
        points: deducted.points,
        available_delta: deducted.points,
        reason: REWARD_NOT_CREATED,
        reward_id: deducted.reward_id,
        promotion_code: deducted.code,
        idempotency_key: `redeem-revert:${deducted.code}`,
        metadata: { reverts: deducted.entry_id },
      },
    ])
  }
)
