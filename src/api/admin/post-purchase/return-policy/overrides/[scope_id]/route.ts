import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retireReturnPolicyWorkflow } from "../../../../../../workflows/return-policy"
import { policyVersionView } from "../../../../../utils/return-policy-view"

/** Removes a region's or sales channel's override: new orders there follow the store's policy, earlier ones keep theirs. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const scopeId = req.params.scope_id
  const { result } = await retireReturnPolicyWorkflow(req.scope).run({
    input: { scope: scopeId.startsWith("reg_") ? "region" : "sales_channel", scope_id: scopeId, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ policy: policyVersionView(result) })
}
