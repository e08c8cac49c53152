import { model } from "@medusajs/framework/utils"

/**
 * A customer's loyalty account: the balances, kept equal to the sums of the
 * ledger's entries by every write (`recountBalances` checks), so reading them
 * never sums the ledger. Only confirmed (`available`) points can be spent.
 */
export const LoyaltyAccount = model
  .define(
    { name: "LoyaltyAccount", tableName: "pp_loyalty_account" },
    {
      id: model.id({ prefix: "ppla" }).primaryKey(),
      customer_id: model.text(),
      // confirmed points that can be spent; negative when points already spent were taken back
      available: model.number().default(0),
      // earned on orders whose return window is still open
      pending: model.number().default(0),
      // confirmed points ever earned, less those taken back: what spending and expiry leave alone
      lifetime: model.number().default(0),
      // the code a member shares; their referral link carries it
      referral_code: model.text(),
      // the tier id from the settings, null below the first tier
      tier: model.text().nullable(),
      tier_changed_at: model.dateTime().nullable(),
      // the member's last activity (`isLoyaltyActivity`): expiry by inactivity counts from it
      last_activity_at: model.dateTime().nullable(),
      // the expiry date the last "points expiring" reminder was emitted for: one reminder per date
      expiry_reminded_for: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_pp_loyalty_account_customer_id", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_pp_loyalty_account_referral_code", on: ["referral_code"], unique: true, where: "deleted_at IS NULL" },
    // the daily tier job reads the members active in the last 13 months
    { name: "IDX_pp_loyalty_account_last_activity_at", on: ["last_activity_at"], where: "deleted_at IS NULL" },
  ])
