import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import type { AdminListFollowupsType } from "../validators"
import { FOLLOWUP_FIELDS, followupView } from "../views"

/** An order's follow-ups, soonest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListFollowupsType>, res: MedusaResponse) => {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const [followups, count] = await service.listAndCountFollowups(
    { order_id: req.validatedQuery.order_id },
    { select: [...FOLLOWUP_FIELDS], order: { send_at: "ASC" } }
  )
  res.json({ followups: followups.map(followupView), count })
}
