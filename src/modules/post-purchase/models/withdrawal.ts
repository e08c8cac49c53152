import { model } from "@medusajs/framework/utils"

/**
 * How the customer withdrew: the hosted page opened from the link in the
 * order confirmation, the Store API with that link's token (a guest on the
 * shop's own page), or the Store API as a signed-in customer.
 */
export const WITHDRAWAL_CHANNELS = ["email_link", "store_link", "store_customer"] as const

/**
 * A customer's withdrawal from a distance contract (Directive 2011/83/EU,
 * Article 11a): who stated it, for which items, when and how, and the Medusa
 * return request it became. Kept as the shop's record of the statement;
 * never updated.
 */
export const Withdrawal = model
  .define(
    { name: "Withdrawal", tableName: "pp_withdrawal" },
    {
      id: model.id({ prefix: "ppwd" }).primaryKey(),
      order_id: model.text(),
      // the Medusa return the withdrawal became
      return_id: model.text(),
      // the signed-in customer who withdrew; null for a guest with the link
      customer_id: model.text().nullable(),
      // the name and email as the customer stated them
      name: model.text(),
      email: model.text(),
      // [{ line_item_id, quantity, title }], titles as the order had them
      items: model.json(),
      withdrawn_at: model.dateTime(),
      channel: model.enum([...WITHDRAWAL_CHANNELS]),
    }
  )
  .indexes([
    {
      name: "IDX_pp_withdrawal_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
    {
      // one withdrawal per return request
      name: "IDX_pp_withdrawal_return_id",
      on: ["return_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
