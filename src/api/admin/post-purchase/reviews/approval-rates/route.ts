import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REVIEWS_MODULE } from "../../../../../modules/reviews"
import type ReviewsModuleService from "../../../../../modules/reviews/service"
import type { AdminApprovalRatesQueryType } from "../../validators"

/**
 * Per week or month, how many reviews of each star rating were moderated and
 * the share approved, so a shop can see that it moderates every rating alike.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminApprovalRatesQueryType>, res: MedusaResponse) => {
  const service: ReviewsModuleService = req.scope.resolve(REVIEWS_MODULE)
  const { from, to, period } = req.validatedQuery
  res.json({ from, to, period, periods: await service.approvalRates({ from, to, period }) })
}
