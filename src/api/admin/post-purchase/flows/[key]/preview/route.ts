import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderEmail } from "../../../../../../emails/render"
import { requireFlow } from "../../../../../../flows"
import { translator } from "../../../../../../i18n"
import { POST_PURCHASE_MODULE } from "../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../modules/post-purchase/service"
import type { AdminPreviewQueryType } from "../../../validators"

/** The flow's email rendered with sample data and the shop's own brand, in `?locale=` or the shop's default language. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPreviewQueryType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const options = req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE).getOptions()
  const i18n = translator(req.validatedQuery.locale ?? options.i18n.defaultLocale)
  const props = flow.previewProps(options.brand, options, i18n)
  const { html, text } = await renderEmail(flow.template(props))
  res.json({ locale: i18n.locale, subject: flow.subject(props), html, text })
}
