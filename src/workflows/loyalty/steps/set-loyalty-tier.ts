import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyTierPlan } from "./plan-loyalty-tier"

type Previous = { customer_id: string; tier: string | null; tier_changed_at: Date | null }

export const setLoyaltyTierStepId = "pp-set-loyalty-tier"

/** Puts the member in their new tier on their account, when it changed; undone by putting the old tier (and its date) back. */
export const setLoyaltyTierStep = createStep(
  setLoyaltyTierStepId,
  async (plan: LoyaltyTierPlan, { container }) => {
    if (!plan.changed) {
      return new StepResponse<void, Previous | null>(undefined, null)
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const previous = await loyalty.setTier(plan.customer_id, plan.to, new Date(plan.changed_at))
    return new StepResponse<void, Previous | null>(undefined, { customer_id: plan.customer_id, ...previous })
  },
  async (previous: Previous | null | undefined, { container }) => {
    if (!previous) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    await loyalty.setTier(previous.customer_id, previous.tier, previous.tier_changed_at ? new Date(previous.tier_changed_at) : null)
  }
)
