import { model } from "@medusajs/framework/utils"

/** Where a referral stands: its code was claimed, then its first order counted it, or was refused as a second referral of the same person. */
export const REFERRAL_STATUSES = ["claimed", "counted", "refused"] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/**
 * A member's referral claimed by a new customer: the single-use promotion
 * made for it, and, once the new customer's first order uses that code, the
 * order that counted it. A referee is counted once, whatever code they came
 * through (the partial unique indexes hold it).
 */
export const LoyaltyReferral = model
  .define(
    { name: "LoyaltyReferral", tableName: "pp_loyalty_referral" },
    {
      id: model.id({ prefix: "pplr" }).primaryKey(),
      referrer_customer_id: model.text(),
      // the member's referral code the claim came through
      referral_code: model.text(),
      promotion_id: model.text().nullable(),
      // the new customer's first-order discount code, single use
      promotion_code: model.text(),
      // lower case; given when claiming, or the order's email once counted
      referee_email: model.text().nullable(),
      referee_customer_id: model.text().nullable(),
      order_id: model.text().nullable(),
      status: model.enum([...REFERRAL_STATUSES]).default("claimed"),
      counted_at: model.dateTime().nullable(),
      // when the first-order discount ends; a claim is open (answered again for the same email) until then
      expires_at: model.dateTime().nullable(),
      // why the order did not count it (`refused`): the referrer's own order, not a first order, another email
      refusal_reason: model.text().nullable(),
    }
  )
  .indexes([
    { name: "IDX_pp_loyalty_referral_promotion_code", on: ["promotion_code"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_pp_loyalty_referral_referrer", on: ["referrer_customer_id"], where: "deleted_at IS NULL" },
    // a claim answers the open one of the same email for the same member's code; the daily cap counts a code's claims
    { name: "IDX_pp_loyalty_referral_open_claim", on: ["referral_code", "referee_email"], where: "deleted_at IS NULL AND status = 'claimed'" },
    { name: "IDX_pp_loyalty_referral_code_created_at", on: ["referral_code", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_pp_loyalty_referral_counted_email", on: ["referee_email"], unique: true, where: "deleted_at IS NULL AND status = 'counted'" },
    {
      name: "IDX_pp_loyalty_referral_counted_customer",
      on: ["referee_customer_id"],
      unique: true,
      where: "deleted_at IS NULL AND status = 'counted' AND referee_customer_id IS NOT NULL",
    },
  ])
