import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { storeCreditAvailable } from "../../../../../lib/store-credit"
import { LOYALTY_MODULE } from "../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import type { ProgrammeView } from "../../../../../modules/loyalty/service"
import { saveLoyaltyProgrammeWorkflow } from "../../../../../workflows/loyalty/save-programme"
import type { AdminSaveLoyaltySettingsType } from "../../validators"

/**
 * The loyalty programme (the defaults, switched off, before the first save),
 * the customer groups its tiers can map to, the tiers whose group was
 * deleted in Medusa since (their members keep the tier, without a group),
 * and whether rewards can be paid out as store credit (Medusa's loyalty plugin runs).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  res.json(await programmeResponse(req.scope, await service.loyaltyProgramme()))
}

/** Saves the whole programme; a 400 names every bad field by its path, e.g. `earn_rates.0.points_per_unit`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveLoyaltySettingsType>, res: MedusaResponse) => {
  const { result } = await saveLoyaltyProgrammeWorkflow(req.scope).run({
    input: { settings: req.validatedBody, by: `user:${req.auth_context.actor_id}` },
  })
  res.json(await programmeResponse(req.scope, result))
}

async function programmeResponse(container: MedusaContainer, programme: ProgrammeView) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id", "name"] })
  const customer_groups = groups
    .map((group: { id: string; name: string | null }) => ({ id: group.id, name: group.name ?? group.id }))
    .sort((a, b) => a.name.localeCompare(b.name))
  const found = new Set(customer_groups.map((group) => group.id))
  const missing_customer_groups = programme.settings.tiers.levels.flatMap((tier, index) =>
    tier.customer_group_id && !found.has(tier.customer_group_id)
      ? [{ tier_id: tier.id, path: `tiers.levels.${index}.customer_group_id`, customer_group_id: tier.customer_group_id }]
      : []
  )
  return { ...programme, customer_groups, missing_customer_groups, store_credit_available: storeCreditAvailable(container) }
}
