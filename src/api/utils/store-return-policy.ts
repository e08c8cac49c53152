import { createHash } from "crypto"
import type { MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import {
  EU_WITHDRAWAL_DAYS,
  isEuCountry,
  type ProductSelector,
  type ReturnPolicyVersion,
  type WithdrawalException,
} from "../../lib/return-policy"
import { merchantReturnPolicy, merchantReturnPolicyDocument, type ReturnPolicyJsonLdInput } from "../../lib/return-policy-json-ld"
import { returnTermsOf, type ItemReturnTerms, type OrderReturnTerms, type TermsOrder } from "../../lib/return-terms"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

/**
 * What the Store API's returns routes share: which region and sales channel a
 * storefront's request is for, the policy in force there, the terms the one
 * rule (`returnTermsOf`) gives in that region, and HTTP caching.
 */

type Scope = { resolve: (key: string) => any }

export type StoreRegion = {
  id: string
  name: string
  currency_code: string
  /** ISO 3166-1 alpha-2, lower case, as Medusa stores them. */
  countries: string[]
}

/** The law behind each Article 16 exception, for the storefront to cite. */
export const WITHDRAWAL_EXCEPTION_LEGAL_BASIS: Record<WithdrawalException, string> = {
  market_price: "Directive 2011/83/EU, Article 16(b)",
  personalised: "Directive 2011/83/EU, Article 16(c)",
  perishable: "Directive 2011/83/EU, Article 16(d)",
  sealed_hygiene: "Directive 2011/83/EU, Article 16(e)",
  mixed: "Directive 2011/83/EU, Article 16(f)",
  alcohol_futures: "Directive 2011/83/EU, Article 16(g)",
  sealed_media: "Directive 2011/83/EU, Article 16(i)",
  periodical: "Directive 2011/83/EU, Article 16(j)",
  digital_content: "Directive 2011/83/EU, Article 16(m)",
}

export const STATUTORY_WITHDRAWAL_LEGAL_BASIS = "Directive 2011/83/EU, Article 9"

/**
 * The region asked for, else the store's default region, else the store's
 * only region. An unknown region is a 400 naming `region_id`.
 */
export async function storeRegion(scope: Scope, regionId: string | undefined): Promise<StoreRegion> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = ["id", "name", "currency_code", "countries.iso_2"]
  const load = async (filters: Record<string, unknown>) =>
    ((await query.graph({ entity: "region", fields, filters })).data as any[]).map(
      (region): StoreRegion => ({
        id: region.id,
        name: region.name,
        currency_code: region.currency_code,
        // sorted: the database returns them in any order, and the ETag must not change with it
        countries: (region.countries ?? []).map((country: { iso_2: string }) => country.iso_2.toLowerCase()).sort(),
      })
    )
  if (regionId) {
    const [region] = await load({ id: regionId })
    if (!region) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `region_id: there is no region ${regionId} in this store`)
    }
    return region
  }
  const {
    data: [store],
  } = await query.graph({ entity: "store", fields: ["default_region_id"] })
  const [region] = store?.default_region_id ? await load({ id: store.default_region_id }) : []
  if (region) {
    return region
  }
  const regions = await load({})
  if (regions.length !== 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `region_id is required: the store has ${regions.length ? "several regions and no default region" : "no region"}`
    )
  }
  return regions[0]
}

/** Consumers in the region have the EU's statutory right of withdrawal: one of its countries is in the EU. */
export function isEuRegion(region: StoreRegion): boolean {
  return region.countries.some(isEuCountry)
}

/**
 * The sales channels a storefront's request speaks for, as Medusa's own
 * store routes read them: the publishable key's, narrowed to the one asked
 * for (which must be the key's) and, for a product, to the channels that sell it.
 */
export function requestSalesChannels(req: MedusaStoreRequest, requested: string | undefined, within?: string[]): string[] {
  const ofKey: string[] = req.publishable_key_context?.sales_channel_ids ?? []
  if (!ofKey.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Publishable key needs to have a sales channel configured")
  }
  if (requested && !ofKey.includes(requested)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "sales_channel_id: the sales channel is not part of the publishable key")
  }
  const channels = requested ? [requested] : ofKey
  return within ? channels.filter((channel) => within.includes(channel)) : channels
}

/**
 * The policy in force in the region for these sales channels: the region's
 * override, else the channel's, else the store's (the service decides).
 * When a key serves channels with different policies, the storefront must say
 * which: a 400 naming `sales_channel_id`.
 */
export async function policyInForce(scope: Scope, region: StoreRegion, channels: string[]): Promise<ReturnPolicyVersion | null> {
  const service: PostPurchaseModuleService = scope.resolve(POST_PURCHASE_MODULE)
  const versions = await Promise.all(channels.map((channel) => service.returnPolicyInForce({ region_id: region.id, sales_channel_id: channel })))
  const distinct = new Map(versions.map((version) => [version?.id ?? null, version]))
  if (distinct.size > 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `sales_channel_id is required: this publishable key serves sales channels with different returns policies (${channels.join(", ")})`
    )
  }
  return versions[0] ?? null
}

/**
 * The one rule's answer for an item bought in the region: a one-item order
 * delivered to the region (to an EU country of it when it has one, so the
 * statutory right counts), not yet delivered, so no day has passed.
 */
export function termsInRegion(
  scope: Scope,
  region: StoreRegion,
  policy: ReturnPolicyVersion | null,
  product: TermsOrder["items"][number]["product"]
): { order: OrderReturnTerms; item: ItemReturnTerms } {
  const service: PostPurchaseModuleService = scope.resolve(POST_PURCHASE_MODULE)
  const country = region.countries.find(isEuCountry) ?? region.countries[0] ?? null
  const order = returnTermsOf(
    { id: "storefront", currency_code: region.currency_code, country_code: country, items: [{ id: "storefront", product }] },
    policy,
    null,
    { timeZone: service.getOptions().quietHours.timeZone, now: new Date() }
  )
  return { order, item: order.items[0] }
}

/** The countries of the warehouses the channels ship from: where returns are sent to. */
export async function returnCountries(scope: Scope, channels: string[]): Promise<string[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "sales_channel",
    fields: ["stock_locations.address.country_code"],
    filters: { id: channels },
  })
  const codes = (data as any[]).flatMap((channel) => (channel.stock_locations ?? []).map((location: any) => location?.address?.country_code))
  return [...new Set(codes.filter((code): code is string => !!code).map((code) => code.toLowerCase()))].sort()
}

type NamedProducts = {
  products: { id: string; title: string; handle: string }[]
  tags: { id: string; value: string }[]
  types: { id: string; value: string }[]
  collections: { id: string; title: string; handle: string }[]
}

/**
 * The products, tags, types and collections the selectors name, with the
 * names a storefront shows. Products that are not published are left out,
 * so the public API never reveals one.
 */
export async function nameSelectors(scope: Scope, selectors: ProductSelector[]): Promise<(selector: ProductSelector) => NamedProducts> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const all = (key: keyof ProductSelector) => [...new Set(selectors.flatMap((selector) => selector[key]))]
  const load = async (entity: string, fields: string[], ids: string[], filters: Record<string, unknown> = {}) =>
    ids.length ? ((await query.graph({ entity, fields, filters: { id: ids, ...filters } })).data as any[]) : []
  const [products, tags, types, collections] = await Promise.all([
    load("product", ["id", "title", "handle"], all("product_ids"), { status: "published" }),
    load("product_tag", ["id", "value"], all("tag_ids")),
    load("product_type", ["id", "value"], all("type_ids")),
    load("product_collection", ["id", "title", "handle"], all("collection_ids")),
  ])
  const pick = <T extends { id: string }>(rows: T[], ids: string[]) => rows.filter((row) => ids.includes(row.id))
  return (selector) => ({
    products: pick(products, selector.product_ids).map(({ id, title, handle }) => ({ id, title, handle })),
    tags: pick(tags, selector.tag_ids).map(({ id, value }) => ({ id, value })),
    types: pick(types, selector.type_ids).map(({ id, value }) => ({ id, value })),
    collections: pick(collections, selector.collection_ids).map(({ id, title, handle }) => ({ id, title, handle })),
  })
}

/** A policy version as the storefront refers to it. */
export function policyReference(policy: ReturnPolicyVersion) {
  return { id: policy.id, scope: policy.scope, scope_id: policy.scope_id, version: policy.version }
}

/** How long a storefront or CDN may reuse a policy answer: a saved change shows within five minutes. */
const MAX_AGE_SECONDS = 300

/**
 * Sends a public, cacheable answer with an ETag of its body; a request whose
 * `If-None-Match` holds that ETag gets 304 without a body. The answer depends
 * on the publishable key (its sales channels), so caches keep one per key.
 */
export function sendCacheable(req: MedusaRequest, res: MedusaResponse, body: unknown) {
  const json = JSON.stringify(body)
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 32)}"`
  res.setHeader("Cache-Control", `public, max-age=${MAX_AGE_SECONDS}`)
  res.setHeader("ETag", etag)
  res.vary("x-publishable-api-key")
  if (matchesEtag(req.get("if-none-match"), etag)) {
    res.status(304).end()
    return
  }
  res.type("application/json").send(json)
}

/** `If-None-Match` matches with the weak comparison RFC 9110 asks for (a `W/` prefix is ignored), or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false
  }
  return header.split(",").some((candidate) => {
    const tag = candidate.trim()
    return tag === "*" || tag.replace(/^W\//, "") === etag
  })
}

/**
 * The policy in force for a storefront's region and sales channel: its terms
 * as they hold in the region (the fee in its currency, the window never below
 * the EU's 14 days there), what cannot be returned by name, the statutory
 * right when the region is in the EU, and the schema.org JSON-LD.
 */
export async function storeReturnPolicyView(scope: Scope, region: StoreRegion, channels: string[], policy: ReturnPolicyVersion) {
  const { terms } = policy
  const eu = isEuRegion(region)
  // a product the policy neither excludes nor exempts: what the policy itself promises in the region
  const { order, item } = termsInRegion(scope, region, policy, null)
  const [named, warehouses] = await Promise.all([
    nameSelectors(scope, [terms.exclusions, ...terms.withdrawal_exceptions]),
    returnCountries(scope, channels),
  ])
  const windowDays = item.window_days ?? 0
  return {
    ...policyReference(policy),
    created_at: new Date(policy.created_at).toISOString(),
    region: { id: region.id, name: region.name, currency_code: region.currency_code, countries: region.countries },
    eu,
    window_days: windowDays,
    free_returns: terms.free_returns,
    return_fee: order.return_fee,
    currency_code: region.currency_code,
    return_methods: terms.return_methods,
    refund_methods: terms.refund_methods,
    refund_days: terms.refund_days,
    conditions: terms.conditions,
    // in the EU these can still be sent back within the statutory 14 days
    exclusions: { ...named(terms.exclusions), statutory_window_days: eu ? EU_WITHDRAWAL_DAYS : null },
    withdrawal_exceptions: terms.withdrawal_exceptions.map((rule) => ({
      exception: rule.exception,
      legal_basis: WITHDRAWAL_EXCEPTION_LEGAL_BASIS[rule.exception],
      ...named(rule),
    })),
    statutory: eu ? { withdrawal_days: EU_WITHDRAWAL_DAYS, counted_from: "delivery", legal_basis: STATUTORY_WITHDRAWAL_LEGAL_BASIS } : null,
    details_markdown: terms.details_markdown,
    policy_url: terms.policy_url,
    json_ld: merchantReturnPolicyDocument({
      countries: region.countries,
      window_days: windowDays,
      return_methods: terms.return_methods,
      refund_methods: terms.refund_methods,
      fee: feeOf(policy, order.return_fee, region),
      policy_url: terms.policy_url,
      return_countries: warehouses,
    }),
  }
}

/**
 * Whether a product can be sent back when bought in the region, by the one
 * rule: why not, the window from delivery, the fee, and the product's
 * `hasMerchantReturnPolicy` JSON-LD.
 */
export async function storeReturnabilityView(
  scope: Scope,
  region: StoreRegion,
  channels: string[],
  policy: ReturnPolicyVersion | null,
  product: TermsOrder["items"][number]["product"] & { id: string }
) {
  const { order, item } = termsInRegion(scope, region, policy, product)
  const statutory = item.basis === "statutory"
  const warehouses = item.returnable ? await returnCountries(scope, channels) : []
  return {
    product_id: product.id,
    region_id: region.id,
    eu: order.eu,
    returnable: item.returnable,
    basis: item.basis,
    reason: item.reason,
    withdrawal_exception: item.withdrawal_exception,
    legal_basis: item.withdrawal_exception
      ? WITHDRAWAL_EXCEPTION_LEGAL_BASIS[item.withdrawal_exception]
      : statutory
        ? STATUTORY_WITHDRAWAL_LEGAL_BASIS
        : null,
    window_days: item.returnable ? item.window_days : null,
    free_returns: policy ? policy.terms.free_returns : null,
    return_fee: order.return_fee,
    currency_code: region.currency_code,
    policy: policy ? policyReference(policy) : null,
    policy_url: policy?.terms.policy_url ?? null,
    json_ld: merchantReturnPolicy({
      countries: region.countries,
      window_days: item.returnable ? item.window_days : 0,
      return_methods: policy?.terms.return_methods,
      // the statutory right is refunded with the means of payment used (Directive 2011/83/EU, Article 13(1))
      refund_methods: statutory ? ["original_payment"] : policy?.terms.refund_methods,
      fee: feeOf(policy, order.return_fee, region),
      policy_url: policy?.terms.policy_url ?? null,
      return_countries: warehouses,
    }),
  }
}

function feeOf(policy: ReturnPolicyVersion | null, fee: number | null, region: StoreRegion): ReturnPolicyJsonLdInput["fee"] {
  if (!policy) {
    return null
  }
  return policy.terms.free_returns ? { free: true } : { free: false, amount: fee, currency_code: region.currency_code }
}
