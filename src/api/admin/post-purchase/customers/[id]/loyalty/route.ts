import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adminLoyaltyView, findLoyaltyCustomer } from "../../../../../utils/admin-loyalty-view"
import type { AdminLoyaltyLedgerQueryType } from "../../../validators"

/** The customer's points (available, pending, lifetime), tier, referral code and a page of their ledger, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminLoyaltyLedgerQueryType>, res: MedusaResponse) => {
  const customer = await findLoyaltyCustomer(req.scope, req.params.id)
  const { limit, offset } = req.validatedQuery as AdminLoyaltyLedgerQueryType
  res.json(await adminLoyaltyView(req.scope, customer.id, { limit, offset }))
}
