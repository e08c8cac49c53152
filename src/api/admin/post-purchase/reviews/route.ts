import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEWS_MODULE } from "../../../../modules/reviews"
import type ReviewsModuleService from "../../../../modules/reviews/service"
import { adminReviewViews } from "../../../utils/review-views"
import type { AdminListReviewsType } from "../validators"

/** Reviews of every status for moderation, filtered by status, rating, product and text (title, body, name, email), a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListReviewsType>, res: MedusaResponse) => {
  const service: ReviewsModuleService = req.scope.resolve(REVIEWS_MODULE)
  const { status, rating, product_id, q, offset, limit, order } = req.validatedQuery
  // the text is matched literally: % and _ are not wildcards for the admin
  const pattern = q ? `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null
  const filters = {
    ...(status ? { status } : {}),
    ...(rating ? { rating } : {}),
    ...(product_id ? { product_id } : {}),
    ...(pattern
      ? { $or: ["title", "body", "reviewer_name", "reviewer_email"].map((field) => ({ [field]: { $ilike: pattern } })) }
      : {}),
  }
  const [field, direction] = order.startsWith("-") ? [order.slice(1), "DESC" as const] : [order, "ASC" as const]
  const [reviews, count] = await service.listAndCountReviews(filters as any, {
    skip: offset,
    take: limit,
    // id breaks ties, so pages never repeat or skip a row
    order: { [field]: direction, id: direction },
  })
  res.json({ reviews: await adminReviewViews(req.scope, reviews), count, limit, offset })
}
