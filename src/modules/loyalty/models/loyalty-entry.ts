import { model } from "@medusajs/framework/utils"
import { ENTRY_TYPES } from "../constants"

/**
 * One line of a customer's ledger. Append-only: an entry's amounts are never
 * changed; a correction is a new entry. Each says how it moved each balance, so the
 * balances are the sums of these deltas.
 */
export const LoyaltyEntry = model
  .define(
    { name: "LoyaltyEntry", tableName: "pp_loyalty_entry" },
    {
      id: model.id({ prefix: "pple" }).primaryKey(),
      account_id: model.text(),
      customer_id: model.text(),
      type: model.enum([...ENTRY_TYPES]),
      // what the customer sees: + earned or given, - spent, taken back or expired
      points: model.number(),
      available_delta: model.number().default(0),
      pending_delta: model.number().default(0),
      lifetime_delta: model.number().default(0),
      // plain text, shown in the admin and to the customer
      reason: model.text(),
      order_id: model.text().nullable(),
      // the code of the Medusa promotion a redemption created
      promotion_code: model.text().nullable(),
      // the reward's id in the settings
      reward_id: model.text().nullable(),
      // "user:user_…" for an admin's adjustment
      created_by: model.text().nullable(),
      /**
       * On an `earn` entry: the earning rule and tier multiplier it used, and
       * the value of each line item, so a later return or cancellation takes
       * back exactly what it gave, whatever the settings are by then.
       */
      rule: model.json().nullable(),
      // makes a write idempotent: the same event recorded twice is one entry; `revertEntries` renames an undone entry's key to `<key>#undone:<revert id>`, so a rerun writes it again
      idempotency_key: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_pp_loyalty_entry_account_created", on: ["account_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_pp_loyalty_entry_order_id", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    {
      name: "IDX_pp_loyalty_entry_idempotency_key",
      on: ["idempotency_key"],
      unique: true,
      where: "deleted_at IS NULL AND idempotency_key IS NOT NULL",
    },
  ])
