import { model } from "@medusajs/framework/utils"

/**
 * What happened to an order that follow-ups can be timed from: placed; shipped
 * (its first shipment); delivered (as Medusa means it: every fulfillment
 * delivered, nothing left unfulfilled).
 */
export const ORDER_ANCHORS = ["placed", "shipped", "delivered"] as const

/**
 * When something happened to an order that follow-ups are timed from, recorded
 * once: the first report wins, so a redelivered event or the reconciliation
 * never moves a follow-up. Its existence also says the order was handled, even
 * when no flow was due (all switched off, or no email address).
 */
export const OrderAnchor = model
  .define(
    { name: "OrderAnchor", tableName: "pp_order_anchor" },
    {
      id: model.id({ prefix: "ppan" }).primaryKey(),
      order_id: model.text(),
      anchor: model.enum([...ORDER_ANCHORS]),
      occurred_at: model.dateTime(),
      // how it was learned: the order event, or the reconciliation pass after a missed event
      source: model.enum(["event", "reconciliation"]),
    }
  )
  .indexes([
    {
      name: "IDX_pp_order_anchor_order_anchor",
      on: ["order_id", "anchor"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      // the reconciliation never looks before the plugin's first recorded anchor
      name: "IDX_pp_order_anchor_created_at",
      on: ["created_at"],
      where: "deleted_at IS NULL",
    },
  ])
