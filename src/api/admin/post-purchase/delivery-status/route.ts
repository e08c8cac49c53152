import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"

/**
 * Whether emails are going out: a configuration error (401, 403) holding
 * follow-ups back, and how many follow-ups have failed, for the admin's banner.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const [problem, [, failed]] = await Promise.all([
    service.deliveryProblem(),
    service.listAndCountFollowups({ status: "failed" }, { select: ["id"], take: 1 }),
  ])
  res.json({ problem, failed })
}
