import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEWS_MODULE, type ModerateReviewsInput, type ModerationState } from "../../../modules/reviews"
import type ReviewsModuleService from "../../../modules/reviews/service"

export const applyReviewModerationStepId = "pp-apply-review-moderation"

/** Approves or rejects the reviews, whatever their rating, moving each product's aggregate with them. */
export const applyReviewModerationStep = createStep(
  applyReviewModerationStepId,
  async (input: ModerateReviewsInput, { container }) => {
    const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
    const { reviews, previous } = await service.applyModeration(input)
    return new StepResponse(reviews, previous)
  },
  async (previous: ModerationState[] | undefined, { container }) => {
    if (previous?.length) {
      const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
      // through the service, so the aggregate moves back with the status
      await service.restoreModeration(previous)
    }
  }
)
