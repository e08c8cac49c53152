import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, linkCustomerGroupsToCustomerWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { LoyaltyEvents, type TierChangedData } from "../../modules/loyalty/events"
import { planLoyaltyTierStep, type PlanLoyaltyTierStepInput } from "./steps/plan-loyalty-tier"
import { setLoyaltyTierStep } from "./steps/set-loyalty-tier"

export type UpdateLoyaltyTierWorkflowInput = PlanLoyaltyTierStepInput

/** Two runs for one member (a confirmation and the daily job) take turns, so a move is made and announced once. */
export const loyaltyTierLockKey = (customerId: string) => `pp-loyalty-tier:${customerId}`

export const updateLoyaltyTierWorkflowId = "pp-update-loyalty-tier"

/**
 * Moves a member to the tier their last 12 months reach: the account's
 * tier, their tier customer group through Medusa's own workflow (into the
 * new tier's group, out of the other tiers' groups, never out of another
 * group), then `loyalty.tier_changed`. Running it again changes nothing.
 */
export const updateLoyaltyTierWorkflow = createWorkflow(updateLoyaltyTierWorkflowId, (input: UpdateLoyaltyTierWorkflowInput) => {
  const lockKey = transform({ input }, ({ input }) => loyaltyTierLockKey(input.customer_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const plan = planLoyaltyTierStep(input)
  setLoyaltyTierStep(plan)
  linkCustomerGroupsToCustomerWorkflow.runAsStep({
    input: transform({ plan }, ({ plan }) => ({ id: plan.customer_id, add: plan.add, remove: plan.remove })),
  })
  releaseLockStep({ key: lockKey })
  const changed = transform({ plan }, ({ plan }): TierChangedData[] =>
    plan.changed ? [{ customer_id: plan.customer_id, from: plan.from, to: plan.to, direction: plan.direction }] : []
  )
  emitEventStep({ eventName: LoyaltyEvents.TIER_CHANGED, data: changed })
  return new WorkflowResponse(plan)
})
