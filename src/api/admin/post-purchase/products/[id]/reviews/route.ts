import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEWS_MODULE } from "../../../../../../modules/reviews"
import type ReviewsModuleService from "../../../../../../modules/reviews/service"
import { adminReviewViews, aggregateView } from "../../../../../utils/review-views"

/** How many of the latest reviews the product page's widget shows. */
const LATEST = 5

/** A product's rating from the stored aggregate and its latest reviews of any status, for the product page's widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: ReviewsModuleService = req.scope.resolve(REVIEWS_MODULE)
  const [numbers, latest] = await Promise.all([
    service.reviewAggregate(req.params.id),
    service.listReviews({ product_id: req.params.id }, { take: LATEST, order: { created_at: "DESC", id: "DESC" } }),
  ])
  res.json({ aggregate: aggregateView(numbers), reviews: await adminReviewViews(req.scope, latest) })
}
