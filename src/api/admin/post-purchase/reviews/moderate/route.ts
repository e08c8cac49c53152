import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moderateReviewsWorkflow } from "../../../../../workflows/reviews"
import { adminReviewViews } from "../../../../utils/review-views"
import type { AdminModerateReviewsType } from "../../validators"

/**
 * Approves or rejects reviews in bulk, the same way whatever their rating; a
 * rejection needs a reason from the fixed list. An unknown id is a 404 and
 * nothing changes.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminModerateReviewsType>, res: MedusaResponse) => {
  const { ids, action, reason } = req.validatedBody
  const { result } = await moderateReviewsWorkflow(req.scope).run({
    input: { ids, action, reason: reason ?? null, by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ reviews: await adminReviewViews(req.scope, result) })
}
