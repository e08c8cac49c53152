import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE } from "../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../modules/post-purchase/service"
import { resendFollowupWorkflow } from "../../../../../../workflows/resend-followup"
import { FOLLOWUP_FIELDS, followupViews } from "../../../views"

/** Sends a failed follow-up again, right away. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await resendFollowupWorkflow(req.scope).run({ input: { id: req.params.id } })
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const followup = await service.retrieveFollowup(req.params.id, { select: [...FOLLOWUP_FIELDS] })
  const [view] = await followupViews(req.scope, [followup])
  res.json({ followup: view })
}
