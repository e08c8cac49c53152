import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelFollowupsWorkflow } from "../../../../../workflows/cancel-followups"
import type { AdminFollowupIdsType } from "../../validators"
import { followupViews } from "../../views"

/** Cancels several follow-ups that have not gone out; all or none. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminFollowupIdsType>, res: MedusaResponse) => {
  const { result } = await cancelFollowupsWorkflow(req.scope).run({ input: { ids: req.validatedBody.ids } })
  res.json({ followups: await followupViews(req.scope, result) })
}
