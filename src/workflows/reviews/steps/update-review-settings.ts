import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEWS_MODULE, type ReviewSettingsValues } from "../../../modules/reviews"
import type ReviewsModuleService from "../../../modules/reviews/service"

export type UpdateReviewSettingsStepInput = { verification_statement: string | null; by: string }

export const updateReviewSettingsStepId = "pp-update-review-settings"

/** Saves the shop's review settings: the statement of how reviews are checked. */
export const updateReviewSettingsStep = createStep(
  updateReviewSettingsStepId,
  async (input: UpdateReviewSettingsStepInput, { container }) => {
    const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
    const previous = await service.reviewSettings()
    const settings = await service.saveReviewSettings({ verification_statement: input.verification_statement, by: input.by })
    return new StepResponse(settings, previous)
  },
  async (previous: ReviewSettingsValues | undefined, { container }) => {
    if (previous) {
      const service: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
      await service.saveReviewSettings({ verification_statement: previous.verification_statement, by: previous.updated_by })
    }
  }
)
