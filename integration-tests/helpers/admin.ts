import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import jwt from "jsonwebtoken"

/** An admin user and the bearer header the admin API accepts for it. */
export async function adminHeaders(container: MedusaContainer) {
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email: "admin@example.com", first_name: "Ada", last_name: "Admin" })
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: "admin@example.com" }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}` } }
}

/**
 * A registered customer, signed in: the headers the Store API accepts for
 * them (bearer token and the sales channel's publishable key).
 */
export async function customerHeaders(container: MedusaContainer, publishableKey: string, email: string) {
  const auth = container.resolve(Modules.AUTH)
  const {
    result: [customer],
  } = await createCustomersWorkflow(container).run({ input: { customersData: [{ email, first_name: "Cleo", has_account: true }] } })
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { customer_id: customer.id },
  })
  const token = jwt.sign(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: identity.id, app_metadata: { customer_id: customer.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { customer, headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}
