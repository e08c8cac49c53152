import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LOYALTY_MODULE } from "../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import { publicProgrammeView } from "../../../../utils/store-loyalty-view"

/** The programme for the storefront's explainer page: how points are earned, the rewards, tiers, bonuses and referrals. Public. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const loyalty: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const { settings } = await loyalty.loyaltyProgramme()
  res.json({ programme: publicProgrammeView(settings) })
}
