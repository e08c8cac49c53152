import type { MedusaContainer } from "@medusajs/framework/types"
import { withoutPermission } from "../../lib/consent"
import { normalizeEmail, permissionKey, POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

const RECORD_FIELDS = ["id", "email", "granted", "source", "wording", "url", "recorded_by", "given_at", "order_id", "created_at"] as const

/**
 * A recipient's consent as the storefront and the admin show it: whether
 * marketing email may go to them now (and why not), the history of their
 * consent statements, newest first, and their suppressions.
 */
export async function consentView(container: MedusaContainer, recipient: { email: string | null; customer_id?: string | null }) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const { consent } = service.getOptions()
  const email = recipient.email ? normalizeEmail(recipient.email) : null
  const [byEmail, byCustomer, suppressions, permissions] = await Promise.all([
    email ? service.listConsentRecords({ email }, { select: [...RECORD_FIELDS], order: { given_at: "DESC" } }) : [],
    recipient.customer_id
      ? service.listConsentRecords({ customer_id: recipient.customer_id }, { select: [...RECORD_FIELDS], order: { given_at: "DESC" } })
      : [],
    email
      ? service.listSuppressions(
          { email },
          { select: ["id", "scope", "source", "reason", "created_at", "lifted_at", "lifted_by", "lift_reason"], order: { created_at: "DESC" } }
        )
      : [],
    email ? service.marketingPermissions([{ email }]) : new Map(),
  ])
  const records = [...new Map([...byEmail, ...byCustomer].map((record) => [record.id, record])).values()].sort(
    (a, b) => new Date(b.given_at).getTime() - new Date(a.given_at).getTime()
  )
  const permission = email ? permissions.get(permissionKey(email)) : undefined
  const blocked = email ? withoutPermission(permission, consent.mode) : "The customer has no email address"
  return {
    email,
    mode: consent.mode,
    status: permission?.consent ? (permission.consent.granted ? "granted" : "withdrawn") : "none",
    marketing_allowed: !blocked,
    reason: blocked,
    records,
    suppressions,
  }
}
