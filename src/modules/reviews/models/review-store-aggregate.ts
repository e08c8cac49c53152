import { model } from "@medusajs/framework/utils"
import { reviewCounts } from "./review-aggregate"

/** The id of the one store-wide row: the increments upsert on it. */
export const STORE_AGGREGATE_ID = "pprsa_store"

/**
 * The whole store's approved reviews in numbers: one row, moved with the
 * products' aggregates in the same transaction, so the store-wide verified
 * share is one read, whatever the number of products.
 */
export const ReviewStoreAggregate = model.define(
  { name: "ReviewStoreAggregate", tableName: "pp_review_store_aggregate" },
  {
    id: model.id({ prefix: "pprsa" }).primaryKey(),
    ...reviewCounts(),
  }
)
