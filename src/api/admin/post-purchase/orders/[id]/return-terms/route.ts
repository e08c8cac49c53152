import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadOrderReturnTerms } from "../../../../../../lib/return-terms"
import { orderReturnTermsView } from "../../../../../utils/return-policy-view"

/** The order's returns-policy version, what of it can be returned, and the last day to return it. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const terms = (await loadOrderReturnTerms(req.scope, [req.params.id])).get(req.params.id)
  if (!terms) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  res.json({ return_terms: orderReturnTermsView(terms) })
}
