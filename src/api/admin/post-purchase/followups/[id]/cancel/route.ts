import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelFollowupsWorkflow } from "../../../../../../workflows/cancel-followups"
import { followupViews } from "../../../views"

/** Cancels a follow-up that has not gone out. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await cancelFollowupsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  const [followup] = await followupViews(req.scope, result)
  res.json({ followup })
}
