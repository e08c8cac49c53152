import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replyToReviewWorkflow } from "../../../../../../workflows/reviews"
import { adminReviewViews } from "../../../../../utils/review-views"
import type { AdminReplyToReviewType } from "../../../validators"

/** Sets the shop's public reply to a review, shown with it in the store, or removes it (`reply: null`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReplyToReviewType>, res: MedusaResponse) => {
  const { result } = await replyToReviewWorkflow(req.scope).run({
    input: { id: req.params.id, reply: req.validatedBody.reply, by: `user:${req.auth_context.actor_id}` },
  })
  const [review] = await adminReviewViews(req.scope, [result])
  res.json({ review })
}
