import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { adjustLoyaltyPointsWorkflow } from "../../../../../../../workflows/loyalty/adjust-points"
import { adminLoyaltyView, findLoyaltyCustomer } from "../../../../../../utils/admin-loyalty-view"
import type { AdminAdjustLoyaltyPointsType } from "../../../../validators"

/** Gives or takes points by hand with a reason, recorded as the admin's; answers the entry and the customer's first ledger page. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAdjustLoyaltyPointsType>, res: MedusaResponse) => {
  const customer = await findLoyaltyCustomer(req.scope, req.params.id)
  const { points, reason } = req.validatedBody
  const { result: entry } = await adjustLoyaltyPointsWorkflow(req.scope).run({
    input: { customer_id: customer.id, points, reason, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ entry, ...(await adminLoyaltyView(req.scope, customer.id, { limit: 10, offset: 0 })) })
}
