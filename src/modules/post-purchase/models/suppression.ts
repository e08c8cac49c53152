import { model } from "@medusajs/framework/utils"

/** `all` marketing email, or one flow's key. */
export const ALL_MARKETING = "all"

/**
 * A recipient who must not get marketing email: all of it, or one flow's.
 * Checked at send time; an unsubscribe or a withdrawal adds one. An admin
 * may lift it, with a reason, and the row keeps who and why.
 */
export const Suppression = model
  .define(
    { name: "Suppression", tableName: "pp_suppression" },
    {
      id: model.id({ prefix: "ppsu" }).primaryKey(),
      // lower-cased
      email: model.text(),
      // "all", or the key of the one flow it stops
      scope: model.text(),
      source: model.enum(["unsubscribe", "withdrawal", "admin"]),
      reason: model.text(),
      lifted_at: model.dateTime().nullable(),
      // "user:user_…" for an admin; "customer:cus_…" or "guest" when they gave consent again themselves
      lifted_by: model.text().nullable(),
      lift_reason: model.text().nullable(),
    }
  )
  .indexes([
    {
      // one active suppression per recipient and scope; an unsubscribe clicked twice adds nothing
      name: "IDX_pp_suppression_active",
      on: ["email", "scope"],
      unique: true,
      where: "lifted_at IS NULL AND deleted_at IS NULL",
    },
  ])
