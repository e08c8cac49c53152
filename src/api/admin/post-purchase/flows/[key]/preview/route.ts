import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../../flows"
import { renderFlowEmailFor } from "../../../../../../lib/flow-email"
import type { AdminPreviewDraftType, AdminPreviewQueryType } from "../../../validators"

/** The flow's email rendered with sample data, the shop's own brand and the saved copy, in `?locale=` or the shop's default language. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPreviewQueryType>, res: MedusaResponse) => {
  const { locale, subject, html, text } = await renderFlowEmailFor(req.scope, requireFlow(req.params.key), {
    locale: req.validatedQuery.locale,
  })
  res.json({ locale, subject, html, text })
}

/** The same with unsaved copy (`copy`, checked like a save) in place of the saved copy, for the editor's live preview. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewDraftType>, res: MedusaResponse) => {
  const { locale, subject, html, text } = await renderFlowEmailFor(req.scope, requireFlow(req.params.key), {
    locale: req.validatedBody.locale,
    copy: req.validatedBody.copy,
  })
  res.json({ locale, subject, html, text })
}
