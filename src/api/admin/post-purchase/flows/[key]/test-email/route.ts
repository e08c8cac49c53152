import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireFlow } from "../../../../../../flows"
import { sendTestEmailWorkflow } from "../../../../../../workflows/copy"
import type { AdminSendTestEmailType } from "../../../validators"

/** Sends the flow's email, with the copy in use, to `to`: filled with `order_id`'s order or with sample data. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendTestEmailType>, res: MedusaResponse) => {
  const flow = requireFlow(req.params.key)
  const { to, locale, order_id } = req.validatedBody
  const { result } = await sendTestEmailWorkflow(req.scope).run({
    input: { flow: flow.key, to, locale: locale ?? null, order_id: order_id ?? null, sent_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ test_email: result })
}
