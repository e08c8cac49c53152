import { model } from "@medusajs/framework/utils"
import { REJECTION_REASONS, REVIEW_LIMITS, REVIEW_STATUSES } from "../constants"

/**
 * A customer's review of one line item they bought: one per line item, so
 * submitting again edits it. Text is stored as typed (plain text) and escaped
 * wherever it is shown. Status and the aggregate change only through the
 * service's `submitReview` and `moderateReviews`.
 */
export const Review = model
  .define(
    { name: "Review", tableName: "pp_review" },
    {
      id: model.id({ prefix: "pprv" }).primaryKey(),
      product_id: model.text(),
      variant_id: model.text().nullable(),
      order_id: model.text(),
      line_item_id: model.text(),
      // null for a guest order
      customer_id: model.text().nullable(),
      // the name shown with the review
      reviewer_name: model.text(),
      // for the shop to reach the reviewer; never served publicly
      reviewer_email: model.text(),
      rating: model.number(),
      title: model.text().nullable(),
      body: model.text().nullable(),
      // up to three image URLs
      images: model.json().default([] as unknown as Record<string, unknown>),
      status: model.enum([...REVIEW_STATUSES]).default("pending"),
      // submitted through a signed link bound to the order, the line item and the customer
      verified: model.boolean().default(false),
      // earned a reward (loyalty points); review platforms must say so
      incentivized: model.boolean().default(false),
      rejection_reason: model.enum([...REJECTION_REASONS]).nullable(),
      // "user:user_…", like every actor the plugin records
      rejected_by: model.text().nullable(),
      rejected_at: model.dateTime().nullable(),
      // the last approval or rejection
      moderated_by: model.text().nullable(),
      moderated_at: model.dateTime().nullable(),
      // the shop's public answer, shown with the review
      reply: model.text().nullable(),
      replied_by: model.text().nullable(),
      replied_at: model.dateTime().nullable(),
    }
  )
  .checks([
    { name: "CHK_pp_review_rating", expression: "rating BETWEEN 1 AND 5" },
    { name: "CHK_pp_review_title_length", expression: `char_length(title) <= ${REVIEW_LIMITS.titleLength}` },
    { name: "CHK_pp_review_body_length", expression: `char_length(body) <= ${REVIEW_LIMITS.bodyLength}` },
    { name: "CHK_pp_review_name_length", expression: `char_length(reviewer_name) <= ${REVIEW_LIMITS.nameLength}` },
    { name: "CHK_pp_review_reply_length", expression: `char_length(reply) <= ${REVIEW_LIMITS.replyLength}` },
    {
      name: "CHK_pp_review_images",
      expression: `jsonb_typeof(images) = 'array' AND jsonb_array_length(images) <= ${REVIEW_LIMITS.images}`,
    },
  ])
  .indexes([
    {
      // one review per line item: a second submission edits the first
      name: "IDX_pp_review_line_item_id",
      on: ["line_item_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      // a product's approved reviews, newest first, as the store lists them
      name: "IDX_pp_review_product_status_created",
      on: ["product_id", "status", "created_at"],
      where: "deleted_at IS NULL",
    },
    {
      // the admin's moderation queue
      name: "IDX_pp_review_status_created",
      on: ["status", "created_at"],
      where: "deleted_at IS NULL",
    },
    {
      // the admin's approval rates per period: moderated reviews by when
      name: "IDX_pp_review_moderated_at",
      on: ["moderated_at"],
      where: "deleted_at IS NULL AND moderated_at IS NOT NULL",
    },
    {
      // "has this order been reviewed?" (the review request's reminder)
      name: "IDX_pp_review_order_id",
      on: ["order_id"],
      where: "deleted_at IS NULL",
    },
  ])
