import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordConsentWorkflow } from "../../../../workflows/consent/record-consent"
import { consentView } from "../../../utils/consent-view"
import type { StoreRecordConsentType } from "../validators"

/** The signed-in customer's own consent to marketing email, with its history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: customerId } })
  res.json({ consent: await consentView(req.scope, { email: customer?.email ?? null, customer_id: customerId }) })
}

/**
 * Records consent given or withdrawn: by the signed-in customer (their own,
 * never anyone else's), or by a guest at checkout, bound to the cart (it
 * counts once the cart becomes an order).
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRecordConsentType>, res: MedusaResponse) => {
  const { granted, wording, url, cart_id } = req.validatedBody
  const customerId = req.auth_context?.actor_id || null
  const { result } = await recordConsentWorkflow(req.scope).run({
    input: {
      subject: customerId ? { customer_id: customerId, cart_id: cart_id ?? null } : { cart_id: cart_id! },
      granted,
      source: cart_id ? "checkout" : "account",
      wording,
      url: url ?? null,
      recorded_by: customerId ? `customer:${customerId}` : "guest",
    },
  })
  res.status(201).json({
    consent_record: {
      id: result.id,
      granted: result.granted,
      source: result.source,
      given_at: result.given_at,
      // a guest's checkout consent waits for the order
      pending: !result.email,
    },
  })
}
