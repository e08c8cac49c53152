import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setCustomerLocaleWorkflow } from "../../../../../../workflows/customer-preferences/set-customer-locale"
import { preferencesView } from "../../../../../utils/preferences-view"
import type { StoreSetPreferencesType } from "../../../../../store/post-purchase/validators"

/** A customer's email preferences (their language). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ preferences: await preferencesView(req.scope, req.params.id) })
}

/** Sets a customer's email language (`null` clears it); 404 for a customer that does not exist. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSetPreferencesType>, res: MedusaResponse) => {
  await setCustomerLocaleWorkflow(req.scope).run({ input: { customer_id: req.params.id, locale: req.validatedBody.locale } })
  res.json({ preferences: await preferencesView(req.scope, req.params.id) })
}
