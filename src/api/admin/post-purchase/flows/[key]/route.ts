import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../flows"
import { updateFlowSettingWorkflow } from "../../../../../workflows/update-flow-setting"
import type { AdminUpdateFlowType } from "../../validators"
import { flowViews } from "../../views"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [flow] = await flowViews(req.scope, requireFlow(req.params.key))
  res.json({ flow })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateFlowType>, res: MedusaResponse) => {
  await updateFlowSettingWorkflow(req.scope).run({
    input: { flow: req.params.key, ...req.validatedBody },
  })
  const [flow] = await flowViews(req.scope, requireFlow(req.params.key))
  res.json({ flow })
}
