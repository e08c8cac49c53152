import { model } from "@medusajs/framework/utils"

export const FOLLOWUP_STATUSES = [
  "scheduled",
  "sending",
  "sent",
  "failed",
  "canceled",
  "skipped",
] as const

/**
 * What a follow-up's delay counts from (`anchor_event`): one per order anchor,
 * plus a delivery estimated from the shipment until the delivery is reported,
 * and a customer's withdrawal for the acknowledgement the withdrawal workflow schedules.
 */
export const ANCHOR_EVENTS = {
  placed: "order.placed",
  shipped: "shipment.created",
  delivered: "delivery.created",
  estimatedDelivery: "delivery.estimated",
  withdrawal: "withdrawal.recorded",
} as const

/** One email of one flow for one order (or one customer's account), from scheduling to delivery. */
export const Followup = model
  .define(
    { name: "Followup", tableName: "pp_followup" },
    {
      id: model.id({ prefix: "ppfu" }).primaryKey(),
      // key of the flow declaration in src/flows that renders this email
      flow: model.text(),
      // position inside a multi-email flow; 0 for single-email flows
      step: model.number().default(0),
      // null for a follow-up about the customer's account rather than an order (a loyalty reward code)
      order_id: model.text().nullable(),
      customer_id: model.text().nullable(),
      // recipient address, captured when the follow-up is scheduled
      email: model.text(),
      // the email's language (BCP 47), resolved when it is scheduled: the order's, the customer's, the region's, the shop's
      locale: model.text().nullable(),
      // what the delay counts from: order.placed, shipment.created, delivery.created, or
      // delivery.estimated (shipment + transit time, re-timed when the delivery is reported)
      anchor_event: model.text(),
      anchor_at: model.dateTime(),
      // when the follow-up is due; moved forward by retries
      send_at: model.dateTime(),
      status: model.enum([...FOLLOWUP_STATUSES]).default("scheduled"),
      attempts: model.number().default(0),
      // a `sending` row is owned by its worker until then (lease)
      locked_until: model.dateTime().nullable(),
      last_error: model.text().nullable(),
      // when the current run of configuration errors (401, 403) began; retries stop dispatch.configErrorRetryHours later
      config_error_since: model.dateTime().nullable(),
      // why a follow-up was skipped or canceled, or why it was held back (quiet hours, frequency cap, delivery)
      status_reason: model.text().nullable(),
      // when the frequency cap first held it back; past frequencyCap.maxDeferralDays it is skipped
      deferred_since: model.dateTime().nullable(),
      notification_id: model.text().nullable(),
      // the provider's id for the sent message (SendGrid's X-Message-Id)
      provider_message_id: model.text().nullable(),
      sent_at: model.dateTime().nullable(),
      // order + flow + step: a follow-up exists once, whatever the event bus redelivers
      idempotency_key: model.text().unique(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      // serves the dispatcher's "due now" claim
      name: "IDX_pp_followup_due",
      on: ["send_at"],
      where: "status = 'scheduled' AND deleted_at IS NULL",
    },
    {
      // serves reclaiming rows whose worker died
      name: "IDX_pp_followup_lease",
      on: ["locked_until"],
      where: "status = 'sending' AND deleted_at IS NULL",
    },
    {
      // serves the admin's delivery-problem banner and pulling those rows forward once sending works again
      name: "IDX_pp_followup_config_error",
      on: ["config_error_since"],
      where: "status = 'scheduled' AND config_error_since IS NOT NULL AND deleted_at IS NULL",
    },
    {
      // serves the admin's list of follow-ups across orders, filtered by status, newest due first
      name: "IDX_pp_followup_status_send_at",
      on: ["status", "send_at"],
      where: "deleted_at IS NULL",
    },
    {
      // serves the frequency cap: a recipient's latest marketing email
      name: "IDX_pp_followup_email_sent_at",
      on: ["email", "sent_at"],
      where: "status = 'sent' AND deleted_at IS NULL",
    },
    {
      name: "IDX_pp_followup_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
  ])
