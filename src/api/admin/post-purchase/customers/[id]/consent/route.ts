import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { recordConsentWorkflow } from "../../../../../../workflows/consent/record-consent"
import { consentView } from "../../../../../utils/consent-view"
import type { AdminRecordConsentType } from "../../../validators"

/** A customer's consent to marketing email, its history and their suppressions. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customer = await findCustomer(req)
  res.json({ consent: await consentView(req.scope, { email: customer.email ?? null, customer_id: customer.id }) })
}

/** Records consent given or withdrawn offline (in the shop, on paper, in an import), with who recorded it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRecordConsentType>, res: MedusaResponse) => {
  const customer = await findCustomer(req)
  const { granted, wording, source, given_at } = req.validatedBody
  await recordConsentWorkflow(req.scope).run({
    input: {
      subject: { customer_id: customer.id },
      granted,
      source,
      wording,
      recorded_by: `user:${req.auth_context.actor_id}`,
      given_at,
    },
  })
  res.json({ consent: await consentView(req.scope, { email: customer.email ?? null, customer_id: customer.id }) })
}

async function findCustomer(req: AuthenticatedMedusaRequest<any>) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: req.params.id } })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" was not found`)
  }
  return customer as { id: string; email: string | null }
}
