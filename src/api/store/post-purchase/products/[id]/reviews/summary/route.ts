import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { sendCacheable } from "../../../../../../utils/store-return-policy"
import { REVIEWED_PRODUCT_FIELDS, storeReviewSummary, type ReviewedProduct } from "../../../../../../utils/review-views"
import { storeProduct } from "../../../../../../utils/store-product"

/**
 * A product's rating from the stored aggregate (average, count, per star,
 * verified share), the shop's statement of how reviews are checked, and a
 * schema.org `Product` JSON-LD with `AggregateRating` and the latest reviews.
 * The default statement is in the request's locale (Medusa reads `?locale=`
 * or `x-medusa-locale`), else English. Public and cacheable: a conditional GET
 * with the ETag gets 304.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { product } = await storeProduct<ReviewedProduct>(req, REVIEWED_PRODUCT_FIELDS)
  // the answer's language may come from the header, so a shared cache must key on it
  res.vary("x-medusa-locale")
  sendCacheable(req, res, await storeReviewSummary(req.scope, product, req.locale ?? null))
}
