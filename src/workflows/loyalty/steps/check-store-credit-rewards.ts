import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeCreditAvailable } from "../../../lib/store-credit"
import { type LoyaltySettings, storeCreditRewardIssues } from "../../../modules/loyalty/settings"

export type CheckStoreCreditRewardsStepInput = { settings: LoyaltySettings }

export const checkStoreCreditRewardsStepId = "pp-check-store-credit-rewards"

/**
 * Refuses rewards paid out as store credit unless Medusa's loyalty plugin
 * runs, naming each reward's field: customers would spend points on credit
 * that no account could hold.
 * No compensation: it only reads.
 */
export const checkStoreCreditRewardsStep = createStep(
  checkStoreCreditRewardsStepId,
  async ({ settings }: CheckStoreCreditRewardsStepInput, { container }) => {
    const problems = storeCreditRewardIssues(settings, storeCreditAvailable(container))
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid loyalty settings: ${problems.join("; ")}`)
    }
    return new StepResponse(undefined)
  }
)
