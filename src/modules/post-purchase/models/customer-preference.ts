import { model } from "@medusajs/framework/utils"

/**
 * What a customer prefers that Medusa's customer does not hold: the language
 * of their emails (BCP 47). Set from the storefront or by an admin.
 */
export const CustomerPreference = model
  .define(
    { name: "CustomerPreference", tableName: "pp_customer_preference" },
    {
      id: model.id({ prefix: "ppcp" }).primaryKey(),
      customer_id: model.text(),
      locale: model.text().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_pp_customer_preference_customer_id",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
