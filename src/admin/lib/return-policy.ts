import {
  euWindowProblem,
  returnPolicyTermsSchema,
  returnPolicyTermsShape,
  type ProductSelector,
  type RefundMethod,
  type ReturnMethod,
  type ReturnPolicyTerms,
  type WithdrawalException,
} from "../../lib/return-policy"
import type { PolicyScope, ReturnPoliciesResponse, ReturnPolicyRegion } from "./types"

/**
 * The returns-policy drawer's words: the form's fields and the body they
 * make, the checks (the server's own schema and its EU floor, so the form
 * refuses what a save would), and the labels of the summary and the history.
 */

export const RETURN_METHOD_LABELS: Record<ReturnMethod, string> = {
  mail: "By post",
  in_store: "In store",
}

export const REFUND_METHOD_LABELS: Record<RefundMethod, string> = {
  original_payment: "Original payment method",
  store_credit: "Store credit",
  exchange: "Exchange",
}

/** The Article 16 exceptions (Directive 2011/83/EU) in an admin's words. */
export const WITHDRAWAL_EXCEPTION_LABELS: Record<WithdrawalException, string> = {
  market_price: "Price depends on the financial market",
  personalised: "Made to the customer’s specifications or personalised",
  perishable: "Perishable: deteriorates or expires quickly",
  sealed_hygiene: "Sealed for health or hygiene reasons, once unsealed",
  mixed: "Inseparably mixed with other items after delivery",
  alcohol_futures: "Alcohol priced by the market, delivered after 30 days",
  sealed_media: "Sealed audio, video or software, once unsealed",
  periodical: "Newspaper, periodical or magazine",
  digital_content: "Digital content, once its supply has begun",
}

export type PolicyField = keyof ReturnPolicyTerms | "scope_id"

const TERM_FIELDS = Object.keys(returnPolicyTermsShape.shape) as (keyof ReturnPolicyTerms)[]

export const POLICY_FIELDS: PolicyField[] = [...TERM_FIELDS, "scope_id"]

/** The terms' fields as the history names them: "v3 · … · window, fee". */
const CHANGE_LABELS: Record<string, string> = {
  created: "created",
  retired: "override removed",
  window_days: "window",
  free_returns: "free returns",
  return_fees: "fee",
  return_methods: "return methods",
  refund_methods: "refund methods",
  refund_days: "refund days",
  conditions: "conditions",
  exclusions: "exclusions",
  withdrawal_exceptions: "Article 16 exceptions",
  details_markdown: "policy text",
  policy_url: "policy URL",
}

/** "window, fee"; a save that changed nothing says so. */
export const changesLabel = (changes: string[]) =>
  changes.length ? changes.map((change) => CHANGE_LABELS[change] ?? change.replace(/_/g, " ")).join(", ") : "no changes"

export const emptySelector = (): ProductSelector => ({ product_ids: [], tag_ids: [], type_ids: [], collection_ids: [] })

/** What a new store policy starts from: valid as it is, so the form opens without errors. */
export const NEW_POLICY_TERMS: ReturnPolicyTerms = {
  window_days: 30,
  free_returns: true,
  return_fees: [],
  return_methods: ["mail"],
  refund_methods: ["original_payment"],
  refund_days: 14,
  conditions: [],
  exclusions: emptySelector(),
  withdrawal_exceptions: [],
  details_markdown: null,
  policy_url: null,
}

/** The drawer's state: numbers and amounts as typed, so a half-typed value is checked, not lost. */
export interface PolicyForm {
  scope: PolicyScope
  /** The region's or sales channel's id; null for the store's policy, or an override not yet pointed anywhere. */
  scope_id: string | null
  window_days: string
  free_returns: boolean
  /** The fee typed per currency code; empty for no fee in that currency. */
  fees: Record<string, string>
  return_methods: ReturnMethod[]
  refund_methods: RefundMethod[]
  refund_days: string
  conditions: string[]
  exclusions: ProductSelector
  withdrawal_exceptions: (ProductSelector & { exception: WithdrawalException })[]
  details_markdown: string
  policy_url: string
}

export const formOf = (terms: ReturnPolicyTerms, scope: PolicyScope, scopeId: string | null): PolicyForm => ({
  scope,
  scope_id: scopeId,
  window_days: String(terms.window_days),
  free_returns: terms.free_returns,
  fees: Object.fromEntries(terms.return_fees.map((fee) => [fee.currency_code, String(fee.amount)])),
  return_methods: [...terms.return_methods],
  refund_methods: [...terms.refund_methods],
  refund_days: String(terms.refund_days),
  conditions: [...terms.conditions],
  exclusions: { ...emptySelector(), ...terms.exclusions },
  withdrawal_exceptions: terms.withdrawal_exceptions.map((rule) => ({ ...emptySelector(), ...rule })),
  details_markdown: terms.details_markdown ?? "",
  policy_url: terms.policy_url ?? "",
})

/** A typed number: nothing typed is no number (the schema says which field wants one). */
const numberOf = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text))

/** The terms as a save sends them; not yet checked. With free returns no fee is sent, as none applies. */
export const termsOf = (form: PolicyForm) => ({
  window_days: numberOf(form.window_days),
  free_returns: form.free_returns,
  return_fees: form.free_returns
    ? []
    : Object.entries(form.fees)
        .filter(([, amount]) => amount.trim() !== "")
        .map(([currency_code, amount]) => ({ currency_code, amount: numberOf(amount) })),
  return_methods: form.return_methods,
  refund_methods: form.refund_methods,
  refund_days: numberOf(form.refund_days),
  conditions: form.conditions,
  exclusions: form.exclusions,
  withdrawal_exceptions: form.withdrawal_exceptions,
  details_markdown: form.details_markdown.trim() ? form.details_markdown : null,
  policy_url: form.policy_url.trim() ? form.policy_url.trim() : null,
})

/** `POST /return-policy`'s body: the scope and the terms' fields, flat. */
export const bodyOf = (form: PolicyForm) => ({ scope: form.scope, scope_id: form.scope_id, ...termsOf(form) })

/** The region whose consumers the EU's 14 days protect under this scope: the region itself, or any region for the store and a sales channel, as the save does. */
const euRegionOf = (form: PolicyForm, regions: ReturnPolicyRegion[]) =>
  form.scope === "region" ? regions.find((region) => region.id === form.scope_id && region.eu) : regions.find((region) => region.eu)

/**
 * What is wrong with the form, by field: the server's own schema of the
 * terms, its EU floor, and an override that names no region or sales channel.
 * Empty when a save would get past the form's checks.
 */
export function formErrors(form: PolicyForm, regions: ReturnPolicyRegion[]): Partial<Record<PolicyField, string>> {
  const errors: Partial<Record<PolicyField, string>> = {}
  const parsed = returnPolicyTermsSchema.safeParse(termsOf(form))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PolicyField
      if (POLICY_FIELDS.includes(field) && !errors[field]) {
        errors[field] = issue.message
      }
    }
  }
  const windowDays = numberOf(form.window_days)
  if (!errors.window_days && windowDays !== undefined && Number.isInteger(windowDays)) {
    const euProblem = euWindowProblem(windowDays, euRegionOf(form, regions)?.name ?? null)
    if (euProblem) {
      errors.window_days = euProblem
    }
  }
  if (form.scope !== "store" && !form.scope_id) {
    errors.scope_id = `scope_id: choose the ${form.scope === "region" ? "region" : "sales channel"} this override is for`
  }
  return errors
}

const FIELD_IN_MESSAGE = new RegExp(`(?:^|: |; |')(${POLICY_FIELDS.join("|")})(?=[' .:,]|$)`)

/**
 * The field an API message is about. The plugin starts its messages with the
 * field ("window_days must be at least 14: …", "return_fees.currency_code: …",
 * "Invalid request: policy_url must be an https URL …"); Medusa quotes it
 * ("Value for field 'conditions, 1' too small …").
 */
export const policyFieldOf = (message: string): PolicyField | undefined =>
  FIELD_IN_MESSAGE.exec(message)?.[1] as PolicyField | undefined

/**
 * A message as shown under its field, which the label already names:
 * "window_days must be at least 14: …" → "Must be at least 14: …",
 * "return_fees.currency_code: "usd" is not …" → "“usd” is not …".
 */
export function fieldMessage(message: string, field: PolicyField): string {
  const text = message.replace(/^Invalid request: /, "")
  const own = new RegExp(`^${field}(?:\\.[a-z_]+)*(?::\\s*|\\s+)`)
  if (!own.test(text)) {
    return text
  }
  const rest = text.replace(own, "").replace(/"([^"]*)"/g, "“$1”")
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}

/** The currencies a fee can be in: the region's for its override, else the store's and every region's. */
export const feeCurrencies = (form: Pick<PolicyForm, "scope" | "scope_id" | "fees">, data: Pick<ReturnPoliciesResponse, "regions" | "currencies">) => {
  const region = form.scope === "region" ? data.regions.find((r) => r.id === form.scope_id) : undefined
  const codes = region ? [region.currency_code] : [...data.currencies, ...data.regions.map((r) => r.currency_code)]
  // a fee the policy already names stays editable, even in a currency since dropped
  const named = Object.entries(form.fees)
    .filter(([, amount]) => amount.trim() !== "")
    .map(([code]) => code)
  return [...new Set([...codes, ...named].map((code) => code.toLowerCase()))]
}

// The summary

export const formatMoney = (amount: number, currencyCode: string) => {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

export const windowSummary = (days: number) => (days === 0 ? "No returns once delivered" : `${plural(days, "day")} from delivery`)

export const feeSummary = (terms: ReturnPolicyTerms) =>
  terms.free_returns
    ? "Free returns"
    : terms.return_fees.length
      ? terms.return_fees.map((fee) => formatMoney(fee.amount, fee.currency_code)).join(" · ")
      : "No fee set"

/** "By post or in store": one sentence, so only its first word keeps its capital. */
const orList = (items: string[]) => {
  const words = items.map((item, index) => (index === 0 ? item : item.charAt(0).toLowerCase() + item.slice(1)))
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`
}

export const methodsSummary = (methods: ReturnMethod[]) => orList(methods.map((method) => RETURN_METHOD_LABELS[method]))

export const refundSummary = (terms: ReturnPolicyTerms) =>
  `${orList(terms.refund_methods.map((method) => REFUND_METHOD_LABELS[method]))}, within ${plural(terms.refund_days, "day")}`

/** "2 tags, 1 collection"; "None" for an empty selector. */
export const selectorSummary = (selector: ProductSelector) => {
  const parts = [
    selector.tag_ids.length && plural(selector.tag_ids.length, "tag"),
    selector.type_ids.length && plural(selector.type_ids.length, "type"),
    selector.collection_ids.length && plural(selector.collection_ids.length, "collection"),
    selector.product_ids.length && plural(selector.product_ids.length, "product"),
  ].filter(Boolean)
  return parts.length ? parts.join(", ") : "None"
}

/** "Perishable: deteriorates or expires quickly (1 tag)" per exception; "None" without any. */
export const exceptionsSummary = (terms: ReturnPolicyTerms) =>
  terms.withdrawal_exceptions.length
    ? terms.withdrawal_exceptions.map((rule) => `${WITHDRAWAL_EXCEPTION_LABELS[rule.exception]} (${selectorSummary(rule)})`)
    : ["None"]

// Dates, written the same wherever the admin sits: "26 Nov 2026 14:02", "26 December 2026"

/** A version's moment in the admin's time zone: "26 Nov 2026 14:02". */
export const formatVersionDate = (iso: string) => {
  const date = new Date(iso)
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false })
  return `${day} ${time}`
}

/** A calendar day (YYYY-MM-DD, already in the shop's time zone) as "26 December 2026". */
export const formatDay = (day: string) => {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  })
}
