import { model } from "@medusajs/framework/utils"

/**
 * The returns-policy version an order was placed under, recorded when it is
 * placed. Its emails, its return deadline and its loyalty points follow this
 * version, whatever the policy says today.
 */
export const OrderReturnPolicy = model
  .define(
    { name: "OrderReturnPolicy", tableName: "pp_order_return_policy" },
    {
      id: model.id({ prefix: "ppor" }).primaryKey(),
      order_id: model.text(),
      // a pp_return_policy row (one version)
      policy_id: model.text(),
    }
  )
  .indexes([
    {
      name: "IDX_pp_order_return_policy_order_id",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
