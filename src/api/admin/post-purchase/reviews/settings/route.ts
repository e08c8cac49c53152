import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEWS_MODULE } from "../../../../../modules/reviews"
import type ReviewsModuleService from "../../../../../modules/reviews/service"
import { saveReviewSettingsWorkflow } from "../../../../../workflows/reviews"
import { defaultVerificationStatement } from "../../../../utils/review-views"
import type { AdminSaveReviewSettingsType } from "../../validators"

/** The shop's statement of how reviews are checked, and the default the store serves while there is none (in English here; the store serves it in the storefront's language). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: ReviewsModuleService = req.scope.resolve(REVIEWS_MODULE)
  res.json({ settings: { ...(await service.reviewSettings()), default_verification_statement: defaultVerificationStatement("en") } })
}

/** Saves the statement the Store API gives with the reviews (EU Omnibus Directive); empty or null goes back to the default. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveReviewSettingsType>, res: MedusaResponse) => {
  const { result } = await saveReviewSettingsWorkflow(req.scope).run({
    input: { verification_statement: req.validatedBody.verification_statement, by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ settings: { ...result, default_verification_statement: defaultVerificationStatement("en") } })
}
