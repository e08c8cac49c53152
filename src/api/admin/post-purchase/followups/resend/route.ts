import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryFollowupsWorkflow } from "../../../../../workflows/retry-followups"
import type { AdminFollowupIdsType } from "../../validators"
import { followupViews } from "../../views"

/** Has several failed follow-ups sent again on the dispatcher's next run; all or none. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminFollowupIdsType>, res: MedusaResponse) => {
  const { result } = await retryFollowupsWorkflow(req.scope).run({ input: { ids: req.validatedBody.ids } })
  res.json({ followups: await followupViews(req.scope, result) })
}
