import { model } from "@medusajs/framework/utils"

/** Approved reviews in numbers, as both aggregates keep them. The average is `rating_sum / approved_count`. */
export const reviewCounts = () => ({
  approved_count: model.number().default(0),
  rating_sum: model.number().default(0),
  // approved reviews that are verified purchases, for the share the Store API states
  verified_count: model.number().default(0),
  star_1: model.number().default(0),
  star_2: model.number().default(0),
  star_3: model.number().default(0),
  star_4: model.number().default(0),
  star_5: model.number().default(0),
})

/**
 * A product's approved reviews in numbers, moved by each approval, rejection
 * and edit in the same transaction, so the store never recounts per request.
 */
export const ReviewAggregate = model
  .define(
    { name: "ReviewAggregate", tableName: "pp_review_aggregate" },
    {
      id: model.id({ prefix: "ppra" }).primaryKey(),
      product_id: model.text(),
      ...reviewCounts(),
    }
  )
  .indexes([
    {
      // one row per product; the increments upsert on it
      name: "IDX_pp_review_aggregate_product_id",
      on: ["product_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
