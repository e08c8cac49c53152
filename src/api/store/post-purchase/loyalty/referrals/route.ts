import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { claimReferralWorkflow } from "../../../../../workflows/loyalty/claim-referral"
import type { StoreClaimReferralType } from "../../validators"

/**
 * A new customer claims a member's referral code (from their link) and gets
 * a single-use discount code for their first order.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreClaimReferralType>, res: MedusaResponse) => {
  const { referral_code, email } = req.validatedBody
  const { result } = await claimReferralWorkflow(req.scope).run({
    input: { referral_code, email: email ?? null, customer_id: req.auth_context?.actor_id || null },
  })
  res.json({ referral: { code: result.code, discount: result.discount, expires_at: result.expires_at } })
}
