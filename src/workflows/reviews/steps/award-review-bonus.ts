import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { REVIEWS_MODULE } from "../../../modules/reviews"
import type ReviewsModuleService from "../../../modules/reviews/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type AwardReviewBonusStepInput = {
  action: string
  reviews: { id: string; status: string; customer_id?: string | null }[]
}

/** The bonus entries this run created (not those an earlier approval wrote) and the reviews it marked. */
type Awarded = { written: string[]; marked: string[] }

export const awardReviewBonusStepId = "pp-award-review-bonus"

/**
 * Gives a registered customer the programme's `approved_review` bonus once per
 * approved review, and marks the review incentivized so the storefront says
 * so. Guest reviews get nothing (no account to hold points). The
 * compensation reverts each bonus this run created (freeing its key, so
 * approving again gives it) and unmarks the reviews it marked.
 */
export const awardReviewBonusStep = createStep(
  awardReviewBonusStepId,
  async ({ action, reviews }: AwardReviewBonusStepInput, { container }) => {
    const nothing = new StepResponse<Awarded, Awarded>({ written: [], marked: [] }, { written: [], marked: [] })
    if (action !== "approve") {
      return nothing
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    const points = settings.bonuses.approved_review
    const eligible = reviews.filter((review) => review.status === "approved" && review.customer_id)
    if (!settings.enabled || points <= 0 || !eligible.length) {
      return nothing
    }
    const entries: NewLedgerEntry[] = eligible.map((review) => ({
      customer_id: review.customer_id!,
      type: "bonus",
      points,
      available_delta: points,
      lifetime_delta: points,
      ...ledgerReason("ledger.reviewBonus"),
      // once per review: approving it again, or after a rejection, gives nothing more
      idempotency_key: `bonus:review:${review.id}`,
      metadata: { review_id: review.id },
    }))
    const written = (await loyalty.recordEntries(entries)).filter((answer) => answer.created).map((answer) => answer.id)
    const reviewsModule: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
    const marked = await reviewsModule.markIncentivized(eligible.map((review) => review.id))
    const awarded = { written, marked }
    return new StepResponse<Awarded, Awarded>(awarded, awarded)
  },
  async (awarded: Awarded | undefined, { container }) => {
    if (!awarded) {
      return
    }
    if (awarded.written.length) {
      const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      await loyalty.revertEntries(awarded.written, "the moderation failed")
    }
    if (awarded.marked.length) {
      const reviewsModule: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
      await reviewsModule.markIncentivized(awarded.marked, false)
    }
  }
)
