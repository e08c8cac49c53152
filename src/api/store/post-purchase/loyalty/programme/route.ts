import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeCreditAvailable } from "../../../../../lib/store-credit"
import { LOYALTY_MODULE } from "../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import { publicProgrammeView } from "../../../../utils/store-loyalty-view"

/** The programme for the storefront's explainer page: how points are earned, the rewards (store credit only while it can be paid out), tiers, bonuses and referrals. Public. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const loyalty: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const { settings } = await loyalty.loyaltyProgramme()
  res.json({ programme: publicProgrammeView(settings, { storeCredit: storeCreditAvailable(req.scope) }) })
}
