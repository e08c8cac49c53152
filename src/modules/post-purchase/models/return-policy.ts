import { model } from "@medusajs/framework/utils"
import { POLICY_SCOPES } from "../../../lib/return-policy"

/**
 * One version of the returns policy of a scope: the store's, or an override
 * for one sales channel or region. Never updated: every save adds a version,
 * and an order keeps the version in force when it was placed.
 */
export const ReturnPolicy = model
  .define(
    { name: "ReturnPolicy", tableName: "pp_return_policy" },
    {
      id: model.id({ prefix: "pprp" }).primaryKey(),
      scope: model.enum([...POLICY_SCOPES]),
      // the sales channel's or region's id; null for the store's policy
      scope_id: model.text().nullable(),
      // "store", or the scope's id: one sequence of versions per scope
      scope_key: model.text(),
      // 1, 2, 3 … per scope
      version: model.number(),
      // an override switched off: its orders fall back to the store's policy
      retired: model.boolean().default(false),
      // the whole policy (ReturnPolicyTerms), validated when saved
      terms: model.json(),
      // "user:user_…"
      created_by: model.text(),
    }
  )
  .indexes([
    {
      // one number per version, also when two admins save at once; serves the version in force per scope
      name: "IDX_pp_return_policy_scope_version",
      on: ["scope_key", "version"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
