import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeLoyaltyView } from "../../../utils/store-loyalty-view"
import type { StoreLoyaltyQueryType } from "../validators"

/** The signed-in customer's points, tier, referral code and a page of their history (`limit`, `offset`). Only their own. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreLoyaltyQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreLoyaltyQueryType
  res.json({ loyalty: await storeLoyaltyView(req.scope, req.auth_context.actor_id, { limit, offset }) })
}
