import { model } from "@medusajs/framework/utils"

/**
 * An order's line item in a return, as the return events report it: requested
 * (it may still be canceled; Medusa emits no event then), and how many of it
 * were received. Item-based flows (review requests, replenishment) leave out
 * what came back. One row per return and line item, updated as the return moves.
 */
export const ReturnedItem = model
  .define(
    { name: "ReturnedItem", tableName: "pp_returned_item" },
    {
      id: model.id({ prefix: "ppri" }).primaryKey(),
      order_id: model.text(),
      return_id: model.text(),
      line_item_id: model.text(),
      // how many the customer asked to send back
      requested_quantity: model.number(),
      // how many the shop received; received items are final (a return with received items cannot be canceled)
      received_quantity: model.number().default(0),
    }
  )
  .indexes([
    {
      name: "IDX_pp_returned_item_return_line_item",
      on: ["return_id", "line_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_pp_returned_item_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
  ])
