import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setCustomerLocaleWorkflow } from "../../../../workflows/customer-preferences/set-customer-locale"
import { preferencesView } from "../../../utils/preferences-view"
import type { StoreSetPreferencesType } from "../validators"

/** The signed-in customer's email preferences (their language). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ preferences: await preferencesView(req.scope, req.auth_context.actor_id) })
}

/** Sets the signed-in customer's email language (`null` clears it). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSetPreferencesType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await setCustomerLocaleWorkflow(req.scope).run({ input: { customer_id: customerId, locale: req.validatedBody.locale } })
  res.json({ preferences: await preferencesView(req.scope, customerId) })
}
