import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelFollowupWorkflow } from "../../../../../../workflows/cancel-followup"
import { followupView } from "../../../views"

/** Cancels a scheduled follow-up. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await cancelFollowupWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ followup: followupView(result) })
}
