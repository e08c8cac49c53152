import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkStoreCreditRewardsStep } from "./steps/check-store-credit-rewards"
import { checkTierCustomerGroupsStep } from "./steps/check-tier-customer-groups"
import { moveTierGroupMembersStep } from "./steps/move-tier-group-members"
import { updateLoyaltyProgrammeStep, type UpdateLoyaltyProgrammeStepInput } from "./steps/update-loyalty-programme"

export type SaveLoyaltyProgrammeWorkflowInput = UpdateLoyaltyProgrammeStepInput

export const saveLoyaltyProgrammeWorkflowId = "pp-save-loyalty-programme"

/**
 * An admin saves the loyalty programme as a whole: earn rates, rewards
 * (store credit only with Medusa's loyalty plugin), tiers and their customer
 * groups, expiry, bonuses, referrals. A tier mapped to another group (or
 * removed) takes its members out of its old group and into the new one.
 */
export const saveLoyaltyProgrammeWorkflow = createWorkflow(saveLoyaltyProgrammeWorkflowId, (input: SaveLoyaltyProgrammeWorkflowInput) => {
  checkTierCustomerGroupsStep({ settings: input.settings })
  checkStoreCreditRewardsStep({ settings: input.settings })
  moveTierGroupMembersStep({ settings: input.settings })
  const programme = updateLoyaltyProgrammeStep(input)
  return new WorkflowResponse(programme)
})
