import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../../flows"
import { languageOf } from "../../../../../../i18n"
import { POST_PURCHASE_MODULE } from "../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../modules/post-purchase/service"
import { saveFlowCopyWorkflow } from "../../../../../../workflows/copy"
import { copyView } from "../../../../../utils/copy-view"
import type { AdminCopyQueryType, AdminSaveCopyType } from "../../../validators"

/** The flow's copy in `?locale=`'s language: each field's text (override or catalog), the variables and every version, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminCopyQueryType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  res.json({ copy: await copyView(req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE), flow, req.validatedQuery.locale) })
}

/** Saves the flow's copy in the locale's language as a new version: the fields given are overridden, the rest use the catalog. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSaveCopyType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const { locale, fields } = req.validatedBody
  await saveFlowCopyWorkflow(req.scope).run({
    input: { flow: flow.key, language: languageOf(locale)!, fields, created_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ copy: await copyView(req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE), flow, locale) })
}
