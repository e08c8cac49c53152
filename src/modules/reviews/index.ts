import { Module } from "@medusajs/framework/utils"
import ReviewsModuleService from "./service"

export const REVIEWS_MODULE = "reviews"

export default Module(REVIEWS_MODULE, {
  service: ReviewsModuleService,
})

export * from "./constants"
export type { ReviewsOptions } from "./options"
export type {
  ApprovalRatePeriodRow,
  ModerateReviewsInput,
  ModerationState,
  PublicReview,
  ReplyToReviewInput,
  ReviewAggregateNumbers,
  ReviewCounts,
  ReviewSettingsValues,
  SubmitReviewInput,
} from "./service"
