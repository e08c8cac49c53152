import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { renderEmail } from "../../../../../../emails/render"
import { requireFlow } from "../../../../../../flows"
import { POST_PURCHASE_MODULE } from "../../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../../modules/post-purchase/service"

/** The flow's email rendered with sample data and the shop's own brand. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const options = req.scope.resolve<PostPurchaseModuleService>(POST_PURCHASE_MODULE).getOptions()
  const props = flow.previewProps(options.brand, options)
  const { html, text } = await renderEmail(flow.template(props))
  res.json({ subject: flow.subject(props), html, text })
}
