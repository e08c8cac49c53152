import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../../../flows"
import { languageOf } from "../../../../../../../i18n"
import { POST_PURCHASE_MODULE } from "../../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../../modules/post-purchase/service"
import { restoreFlowCopyWorkflow } from "../../../../../../../workflows/copy"
import { copyView } from "../../../../../../utils/copy-view"
import type { AdminRestoreCopyType } from "../../../../validators"

/** Brings back an earlier version's fields as a new version (404 for a version the language's copy never had). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRestoreCopyType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const { locale, version } = req.validatedBody
  await restoreFlowCopyWorkflow(req.scope).run({
    input: { flow: flow.key, language: languageOf(locale)!, version, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ copy: await copyView(req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE), flow, locale) })
}
