import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ReviewsModule from "../modules/reviews"

/**
 * `product.reviews` in query.graph: a product has many reviews. Read-only:
 * a review stores its `product_id`, so no link table is written, and none can
 * disagree with the review. Medusa's store routes don't allow the field
 * (`fields=*reviews` is a 400); the plugin serves only approved reviews
 * through its own routes.
 */
export default defineLink(
  { linkable: ProductModule.linkable.product, field: "id", isList: true },
  { ...ReviewsModule.linkable.review.id, primaryKey: "product_id" },
  { readOnly: true }
)
