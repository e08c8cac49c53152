import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEWS_MODULE } from "../../../modules/reviews"
import type ReviewsModuleService from "../../../modules/reviews/service"

export type SetReviewReplyStepInput = { id: string; reply: string | null; by: string }

type PreviousReply = { id: string; reply: string | null; replied_by: string | null; replied_at: Date | null }

export const setReviewReplyStepId = "pp-set-review-reply"

/** Sets or removes the shop's public reply to a review. */
export const setReviewReplyStep = createStep(
  setReviewReplyStepId,
  async (input: SetReviewReplyStepInput, { container }) => {
    const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
    const before = await service.retrieveReview(input.id, { select: ["id", "reply", "replied_by", "replied_at"] })
    const review = await service.replyToReview(input.id, { reply: input.reply, by: input.by })
    const previous: PreviousReply = { id: before.id, reply: before.reply, replied_by: before.replied_by, replied_at: before.replied_at }
    return new StepResponse(review, previous)
  },
  async (previous: PreviousReply | undefined, { container }) => {
    if (previous) {
      const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
      // the reply's own fields only: status and rating, which move the aggregate, are untouched
      await service.updateReviews([previous])
    }
  }
)
