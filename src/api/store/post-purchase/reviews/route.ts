import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submitReviewWorkflow } from "../../../../workflows/reviews"
import { submittedReviewView } from "../../../utils/review-view"
import type { StoreSubmitReviewType } from "../validators"

/**
 * Submits the review of a line item with the token of a review link, for
 * storefronts with a review form of their own (`reviews.formUrl`): rating,
 * optional title, body (plain text), name and up to three https image URLs.
 * A signed-in customer can use only their own links. A second submission
 * edits the review. Answers with the review, which waits for moderation
 * unless the shop auto-approves.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSubmitReviewType>, res: MedusaResponse) => {
  const { token, rating, title, body, name, images } = req.validatedBody
  const { result } = await submitReviewWorkflow(req.scope).run({
    input: { token, rating, title, body, name, images, customer_id: req.auth_context?.actor_id || null },
  })
  res.status(200).json({ review: submittedReviewView(result) })
}
