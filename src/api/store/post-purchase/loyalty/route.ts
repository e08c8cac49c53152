import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { storeLoyaltyView } from "../../../utils/store-loyalty-view"
import type { StoreLoyaltyQueryType } from "../validators"

/** The signed-in customer's points, tier, referral code and a page of their history (`limit`, `offset`), in their language. Only their own. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreLoyaltyQueryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreLoyaltyQueryType
  // the history's reasons in the storefront's language (`?locale=` or `x-medusa-locale`), else the customer's own
  res.vary("x-medusa-locale")
  res.json({ loyalty: await storeLoyaltyView(req.scope, req.auth_context.actor_id, { limit, offset }, { locale: req.locale }) })
}
