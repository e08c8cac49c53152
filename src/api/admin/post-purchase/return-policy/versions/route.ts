import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE } from "../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../modules/post-purchase/service"
import { policyHistoryView } from "../../../../utils/return-policy-view"
import type { AdminReturnPolicyVersionsQueryType } from "../../validators"

/** The versions of the store's policy, or of the override of `?scope_id=`, newest first: who changed what, and when. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminReturnPolicyVersionsQueryType>, res: MedusaResponse) => {
  const scopeId = req.validatedQuery.scope_id ?? null
  const scope = !scopeId ? "store" : scopeId.startsWith("reg_") ? "region" : "sales_channel"
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const versions = await service.returnPolicyHistory(scope, scopeId)
  res.json({ versions: await policyHistoryView(req.scope, versions) })
}
