import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type LedgerEntryView } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { RewardRedemption } from "./prepare-reward-redemption"
import { isStoreCreditReward } from "../../../modules/loyalty/settings"

/** The `redeem` entry this run created, or null when an earlier run had already taken the points under the same code. */
type DeductedPoints = { entry_id: string } | null

export const deductRewardPointsStepId = "pp-deduct-reward-points"

/** Why the points come back when the reward's promotion could not be made: the revert line reads "Undone (the reward could not be created): €5 off". */
export const REWARD_NOT_CREATED = "the reward could not be created"

/**
 * Takes the reward's price from the customer's available points, with a
 * `redeem` line carrying the reward and its promotion code. Under the
 * account's row lock, so two redemptions at once never spend the same points:
 * the second finds too few and is refused ("Not enough points: …"). The
 * compensation gives back only points this run took: a rerun with a code
 * whose points an earlier run took (and whose promotion then exists, so
 * Medusa refuses it again) must not refund them.
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
          // store credit has no code to show: its reference only keys the redemption
          promotion_code: isStoreCreditReward(redemption.reward) ? null : redemption.code,
          // a retried step spends once
          idempotency_key: `redeem:${redemption.code}`,
          metadata: { discount: redemption.reward.discount, expires_at: redemption.expires_at },
        },
      ],
      { requireAvailable: true }
    )
    const { created, ...line } = entry
    return new StepResponse<LedgerEntryView, DeductedPoints>(line, created ? { entry_id: line.id } : null)
  },
  async (deducted: DeductedPoints | undefined, { container }) => {
    if (!deducted) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    // the points come back on a revert line, and the code's key is freed for a retry that takes them again
    await loyalty.revertEntries([deducted.entry_id], REWARD_NOT_CREATED, { reasonKey: "ledger.rewardNotCreated" })
  }
)
