import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import LoyaltyModule from "../modules/loyalty"

/**
 * `customer.loyalty_account` in query.graph: a customer has at most one
 * account. Read-only: the account stores its `customer_id` (unique), so no
 * link table is written, and none can disagree with the account. Balances
 * read this way are the stored ones; writes go through the module's
 * `recordEntries` only.
 */
export default defineLink(
  { linkable: CustomerModule.linkable.customer, field: "id" },
  { ...LoyaltyModule.linkable.loyaltyAccount.id, primaryKey: "customer_id" },
  { readOnly: true }
)
