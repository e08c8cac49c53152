import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { excludedCount, isEuCountry, returnPolicyTermsShape, type ReturnPolicyVersion } from "../../lib/return-policy"
import type { OrderReturnTerms } from "../../lib/return-terms"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

type Scope = { id: string; name: string }

/**
 * What the admin's returns-policy widget shows: the policy of each scope in
 * force (the store's, and each override's), and the regions and sales
 * channels an override can be made for, with their currencies.
 */
export async function returnPoliciesView(scope: { resolve: (key: string) => any }) {
  const service: PostPurchaseModuleService = scope.resolve(POST_PURCHASE_MODULE)
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const [current, { data: regions }, { data: channels }, { data: stores }] = await Promise.all([
    service.currentReturnPolicies(),
    query.graph({ entity: "region", fields: ["id", "name", "currency_code", "countries.iso_2"] }),
    query.graph({ entity: "sales_channel", fields: ["id", "name"] }),
    query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] }),
  ])
  const names = new Map<string, string>([...(regions as Scope[]), ...(channels as Scope[])].map((s) => [s.id, s.name]))
  return {
    policies: current
      .filter((version) => !version.retired)
      .sort((a, b) => (a.scope === "store" ? -1 : b.scope === "store" ? 1 : 0))
      .map((version) => ({ ...policyVersionView(version), scope_name: version.scope_id ? (names.get(version.scope_id) ?? version.scope_id) : null })),
    regions: (regions as (Scope & { currency_code: string; countries?: { iso_2: string }[] })[]).map((region) => ({
      id: region.id,
      name: region.name,
      currency_code: region.currency_code,
      eu: (region.countries ?? []).some((c) => isEuCountry(c.iso_2)),
    })),
    sales_channels: (channels as Scope[]).map(({ id, name }) => ({ id, name })),
    currencies: ((stores[0]?.supported_currencies ?? []) as { currency_code: string }[]).map((c) => c.currency_code),
  }
}

export function policyVersionView(version: ReturnPolicyVersion) {
  return {
    id: version.id,
    scope: version.scope,
    scope_id: version.scope_id,
    version: version.version,
    retired: version.retired,
    terms: version.terms,
    excluded_count: excludedCount(version.terms),
    created_by: version.created_by,
    created_at: new Date(version.created_at).toISOString(),
  }
}

/** A scope's versions, newest first, each with the fields it changed and who made it (the admin's email when known). */
export async function policyHistoryView(scope: { resolve: (key: string) => any }, versions: ReturnPolicyVersion[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const userIds = [...new Set(versions.map((v) => v.created_by).filter((by) => by.startsWith("user:")).map((by) => by.slice(5)))]
  const { data: users } = userIds.length ? await query.graph({ entity: "user", fields: ["id", "email"], filters: { id: userIds } }) : { data: [] }
  const emails = new Map((users as { id: string; email: string }[]).map((user) => [`user:${user.id}`, user.email]))
  return versions.map((version, index) => {
    const previous = versions[index + 1]
    return {
      ...policyVersionView(version),
      created_by_email: emails.get(version.created_by) ?? null,
      changes: version.retired
        ? ["retired"]
        : previous
          ? Object.keys(returnPolicyTermsShape.shape).filter((key) => JSON.stringify((version.terms as any)[key]) !== JSON.stringify((previous.terms as any)[key]))
          : ["created"],
    }
  })
}

/** An order's return terms as the admin and the customer see them: the version's number, not its whole terms. */
export function orderReturnTermsView(terms: OrderReturnTerms) {
  const { policy, ...rest } = terms
  return {
    ...rest,
    policy: policy ? { id: policy.id, scope: policy.scope, scope_id: policy.scope_id, version: policy.version } : null,
  }
}
