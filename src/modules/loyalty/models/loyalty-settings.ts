import { model } from "@medusajs/framework/utils"

/** The shop's programme (`LoyaltySettings`): one row, written by the admin, validated by `loyaltySettingsSchema`. */
export const LoyaltyProgramme = model.define(
  { name: "LoyaltyProgramme", tableName: "pp_loyalty_programme" },
  {
    id: model.id({ prefix: "pplp" }).primaryKey(),
    settings: model.json(),
    // "user:user_…"
    updated_by: model.text().nullable(),
  }
)
