/**
 * `medusa exec` script of the demo: seeds the store and an admin user, and
 * writes what the demo needs (publishable key, ids) to PP_DEMO_STATE.
 */
import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore } from "../fixtures/store"

export default async function seedDemo({ container }: ExecArgs) {
  const email = process.env.PP_DEMO_ADMIN_EMAIL!
  const password = process.env.PP_DEMO_ADMIN_PASSWORD!
  const store = await seedStore(container)

  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Could not create the demo admin: ${error}`)
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Demo", last_name: "Admin" } },
  })

  fs.writeFileSync(process.env.PP_DEMO_STATE!, JSON.stringify(store, null, 2))
}
