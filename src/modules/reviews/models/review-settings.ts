import { model } from "@medusajs/framework/utils"
import { REVIEW_LIMITS } from "../constants"

/**
 * The shop's review settings: one row, written by the admin. The EU's Omnibus
 * Directive asks a shop to say whether and how it checks that reviews come
 * from real buyers; the Store API serves this statement with the reviews.
 */
export const ReviewSettings = model
  .define(
    { name: "ReviewSettings", tableName: "pp_review_settings" },
    {
      id: model.id({ prefix: "pprs" }).primaryKey(),
      // plain text; null serves the default statement
      verification_statement: model.text().nullable(),
      // "user:user_…"
      updated_by: model.text().nullable(),
    }
  )
  .checks([
    {
      name: "CHK_pp_review_settings_statement_length",
      expression: `char_length(verification_statement) <= ${REVIEW_LIMITS.verificationStatementLength}`,
    },
  ])
