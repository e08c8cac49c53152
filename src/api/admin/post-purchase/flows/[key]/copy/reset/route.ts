import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../../../flows"
import { languageOf } from "../../../../../../../i18n"
import { POST_PURCHASE_MODULE } from "../../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../../modules/post-purchase/service"
import { resetFlowCopyWorkflow } from "../../../../../../../workflows/copy"
import { copyView } from "../../../../../../utils/copy-view"
import type { AdminResetCopyType } from "../../../../validators"

/** "Reset to default": a new version without overrides; every field reads the catalog again. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminResetCopyType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const { locale } = req.validatedBody
  await resetFlowCopyWorkflow(req.scope).run({
    input: { flow: flow.key, language: languageOf(locale)!, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ copy: await copyView(req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE), flow, locale) })
}
