import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ReviewsModule from "../modules/reviews"

/**
 * `order.reviews` in query.graph, for the plugin's own reads: the review
 * reminder asks whether a review of the order came in. An order has a review
 * per line item, so a list. Read-only: a review stores its `order_id`, so no
 * link table is written. Medusa's store order routes don't allow the field;
 * the HTTP test pins that they serve no review.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id", isList: true },
  { ...ReviewsModule.linkable.review.id, primaryKey: "order_id" },
  { readOnly: true }
)
