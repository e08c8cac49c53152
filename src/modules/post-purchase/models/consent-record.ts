import { model } from "@medusajs/framework/utils"

/** Where a consent was given or withdrawn. */
export const CONSENT_SOURCES = ["checkout", "account", "admin", "import", "unsubscribe"] as const

/**
 * One statement of a recipient's consent to marketing email, kept as proof:
 * who, when, where, the exact wording they saw and the page it was on. Never
 * updated: a withdrawal is a new record, and the latest one counts.
 */
export const ConsentRecord = model
  .define(
    { name: "ConsentRecord", tableName: "pp_consent_record" },
    {
      id: model.id({ prefix: "ppcr" }).primaryKey(),
      // lower-cased; null only while a guest's checkout consent waits for its cart to become an order
      email: model.text().nullable(),
      customer_id: model.text().nullable(),
      // a guest's checkout consent is bound to the cart, and counts once the cart becomes this order
      cart_id: model.text().nullable(),
      order_id: model.text().nullable(),
      granted: model.boolean(),
      source: model.enum([...CONSENT_SOURCES]),
      // the exact text shown next to the checkbox, or the admin's account of how it was given
      wording: model.text(),
      // the storefront page it was given on
      url: model.text().nullable(),
      // who recorded it: "customer:cus_…", "guest", "user:user_…" (an admin), "recipient" (an email's link)
      recorded_by: model.text(),
      // when it was given: now, or the date an admin records for consent given offline
      given_at: model.dateTime(),
    }
  )
  .indexes([
    {
      // serves the latest consent per recipient, at send time and in the customer widget
      name: "IDX_pp_consent_record_email_given_at",
      on: ["email", "given_at"],
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_pp_consent_record_cart_id",
      on: ["cart_id"],
      where: "cart_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_pp_consent_record_customer_id",
      on: ["customer_id"],
      where: "customer_id IS NOT NULL AND deleted_at IS NULL",
    },
  ])
