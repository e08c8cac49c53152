import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { REVIEWS_MODULE } from "../../../../../../modules/reviews"
import type ReviewsModuleService from "../../../../../../modules/reviews/service"
import { REVIEWED_PRODUCT_FIELDS, storeReviewView, type ReviewedProduct } from "../../../../../utils/review-views"
import { storeProduct } from "../../../../../utils/store-product"
import type { StoreListReviewsType } from "../../../validators"

/**
 * A product's approved reviews, a page at a time: newest, highest or lowest
 * rated first, or those with photos first. Text is plain; never the reviewer's
 * email, the order or the customer.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreListReviewsType>, res: MedusaResponse) => {
  const { product } = await storeProduct<ReviewedProduct>(req, REVIEWED_PRODUCT_FIELDS)
  const { limit, offset, sort } = req.validatedQuery as StoreListReviewsType
  const service: ReviewsModuleService = req.scope.resolve(REVIEWS_MODULE)
  const { reviews, count } = await service.listApprovedReviews(product.id, { sort, limit, offset })
  res.json({ reviews: reviews.map(storeReviewView), count, limit, offset })
}
