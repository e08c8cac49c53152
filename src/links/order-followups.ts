import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PostPurchaseModule from "../modules/post-purchase"

/**
 * `order.followups` in query.graph. Read-only: follow-ups store `order_id`
 * themselves, so no link table is written when they are scheduled.
 */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "id" },
  { ...PostPurchaseModule.linkable.followup.id, primaryKey: "order_id" },
  { readOnly: true, isList: true }
)
