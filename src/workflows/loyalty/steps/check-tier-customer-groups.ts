import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { LoyaltySettings } from "../../../modules/loyalty/settings"

export type CheckTierCustomerGroupsStepInput = { settings: LoyaltySettings }

export const checkTierCustomerGroupsStepId = "pp-check-tier-customer-groups"

/**
 * Refuses tiers mapped to customer groups that do not exist, naming each
 * tier's field: members would otherwise be put in no group at all.
 * No compensation: it only reads.
 */
export const checkTierCustomerGroupsStep = createStep(
  checkTierCustomerGroupsStepId,
  async ({ settings }: CheckTierCustomerGroupsStepInput, { container }) => {
    const wanted = [...new Set(settings.tiers.levels.flatMap((tier) => (tier.customer_group_id ? [tier.customer_group_id] : [])))]
    if (!wanted.length) {
      return new StepResponse(undefined)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id"], filters: { id: wanted } })
    const found = new Set(groups.map((group: { id: string }) => group.id))
    const problems = settings.tiers.levels.flatMap((tier, index) =>
      tier.customer_group_id && !found.has(tier.customer_group_id)
        ? [`"tiers.levels.${index}.customer_group_id": there is no customer group with the id "${tier.customer_group_id}"`]
        : []
    )
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid loyalty settings: ${problems.join("; ")}`)
    }
    return new StepResponse(undefined)
  }
)
