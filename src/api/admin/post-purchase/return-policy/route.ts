import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveReturnPolicyWorkflow } from "../../../../workflows/return-policy"
import { policyVersionView, returnPoliciesView } from "../../../utils/return-policy-view"
import type { AdminSaveReturnPolicyType } from "../validators"

/** The returns policy in force: the store's and each override, with the regions and sales channels an override can be made for. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await returnPoliciesView(req.scope))
}

/** Saves the store's policy, or a region's or sales channel's override, as a new version; orders placed before keep theirs. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveReturnPolicyType>, res: MedusaResponse) => {
  const { scope, scope_id, ...terms } = req.validatedBody
  const { result } = await saveReturnPolicyWorkflow(req.scope).run({
    input: { scope, scope_id: scope_id ?? null, terms, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ policy: policyVersionView(result) })
}
