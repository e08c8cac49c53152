import { z } from "@medusajs/framework/zod"

/**
 * The returns policy's terms: what an admin edits, stored whole in each
 * version, so an order's version keeps the terms it was sold under.
 */

/** How items come back. */
export const RETURN_METHODS = ["mail", "in_store"] as const
export type ReturnMethod = (typeof RETURN_METHODS)[number]

/** How a return is refunded. */
export const REFUND_METHODS = ["original_payment", "store_credit", "exchange"] as const
export type RefundMethod = (typeof REFUND_METHODS)[number]

/**
 * The exceptions to the right of withdrawal that concern goods (Directive
 * 2011/83/EU, Article 16): a product marked with one has no statutory right
 * of withdrawal, and the plugin does not take it back.
 */
export const WITHDRAWAL_EXCEPTIONS = [
  // (b) price depends on fluctuations in the financial market
  "market_price",
  // (c) made to the consumer's specifications or clearly personalised
  "personalised",
  // (d) liable to deteriorate or expire rapidly
  "perishable",
  // (e) sealed goods unsuitable for return for health or hygiene reasons once unsealed
  "sealed_hygiene",
  // (f) inseparably mixed with other items after delivery
  "mixed",
  // (g) alcoholic beverages whose value depends on the market, delivered after 30 days
  "alcohol_futures",
  // (i) sealed audio, video or software, once unsealed
  "sealed_media",
  // (j) a newspaper, periodical or magazine (not a subscription)
  "periodical",
  // (m) digital content not on a tangible medium, once supply has begun
  "digital_content",
] as const
export type WithdrawalException = (typeof WITHDRAWAL_EXCEPTIONS)[number]

/** What the policy's scope is: the whole store, or an override for one sales channel or region. */
export const POLICY_SCOPES = ["store", "sales_channel", "region"] as const
export type PolicyScope = (typeof POLICY_SCOPES)[number]

/** The EU's statutory withdrawal period, counted from delivery (Directive 2011/83/EU, Article 9). */
export const EU_WITHDRAWAL_DAYS = 14
export const MAX_RETURN_WINDOW_DAYS = 365

/** EU member states, ISO 3166-1 alpha-2 in lower case, as Medusa stores them. */
export const EU_COUNTRIES = new Set([
  "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie",
  "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se",
])

/**
 * The EU's statutory floor for a policy that reaches an EU region: why
 * `windowDays` is refused, or null. The save workflow and the admin's form
 * both ask this, so they refuse the same windows with the same words.
 */
export function euWindowProblem(windowDays: number, euRegionName: string | null): string | null {
  if (euRegionName === null || windowDays >= EU_WITHDRAWAL_DAYS) {
    return null
  }
  return (
    `window_days must be at least ${EU_WITHDRAWAL_DAYS}: consumers in the EU may withdraw within ${EU_WITHDRAWAL_DAYS} days of delivery ` +
    `without giving a reason (Directive 2011/83/EU, Article 9), and region "${euRegionName}" sells to EU countries`
  )
}

export function isEuCountry(code: string | null | undefined): boolean {
  return !!code && EU_COUNTRIES.has(code.toLowerCase())
}

const ids = (field: string, prefix: string, what: string) =>
  z
    .array(
      z.string().regex(new RegExp(`^${prefix}_[0-9A-Z]{26}$`), `${field} must hold ${what} ids like ${prefix}_01JDZ9Q4J1K2M3N4P5Q6R7S8T9`),
      { message: `${field} must be a list of ${what} ids` }
    )
    .max(200, `${field} can hold at most 200 ids`)
    .default([])

/** Products by id, tag, type or collection. */
const productSelector = (field: string) =>
  z
    .object({
      product_ids: ids(`${field}.product_ids`, "prod", "product"),
      tag_ids: ids(`${field}.tag_ids`, "ptag", "product tag"),
      type_ids: ids(`${field}.type_ids`, "ptyp", "product type"),
      collection_ids: ids(`${field}.collection_ids`, "pcol", "collection"),
    })
    .strict()

export type ProductSelector = z.output<ReturnType<typeof productSelector>>

const oneOf = <T extends readonly string[]>(field: string, values: T) =>
  z.custom<T[number]>((value) => (values as readonly unknown[]).includes(value), `${field} must be one of ${values.join(", ")}`)

/** The fields of the terms an admin saves, checked for shape here; the workflow checks them against the store (currencies, EU regions, ids). */
export const returnPolicyTermsShape = z.object({
  window_days: z
    .number({ message: "window_days must be a number of days" })
    .int("window_days must be a whole number of days")
    .min(0, "window_days cannot be negative")
    .max(MAX_RETURN_WINDOW_DAYS, `window_days can be at most ${MAX_RETURN_WINDOW_DAYS}`),
  free_returns: z.boolean({ message: "free_returns must be true or false" }),
  // the return shipping fee per currency, in the currency's main unit (4.95 is €4.95); ignored when returns are free
  return_fees: z
    .array(
      z
        .object({
          currency_code: z
            .string()
            .regex(/^[a-zA-Z]{3}$/, "return_fees.currency_code must be a three-letter currency code like eur")
            .transform((code) => code.toLowerCase()),
          amount: z
            .number({ message: "return_fees.amount must be a number" })
            .min(0, "return_fees.amount cannot be negative")
            .max(1_000_000, "return_fees.amount is too large"),
        })
        .strict()
    )
    .max(50)
    .default([]),
  return_methods: z.array(oneOf("return_methods", RETURN_METHODS)).min(1, "return_methods needs at least one way to send items back"),
  refund_methods: z.array(oneOf("refund_methods", REFUND_METHODS)).min(1, "refund_methods needs at least one refund method"),
  refund_days: z
    .number({ message: "refund_days must be a number of days" })
    .int("refund_days must be a whole number of days")
    .min(0, "refund_days cannot be negative")
    // EU law: the refund is due within 14 days of the withdrawal (Article 13); 60 leaves room elsewhere
    .max(60, "refund_days can be at most 60"),
  conditions: z
    .array(z.string().trim().min(1, "conditions cannot hold an empty line").max(200, "each of conditions can be at most 200 characters"))
    .max(20, "conditions can hold at most 20 lines")
    .default([]),
  /** Products the shop does not take back; in the EU they keep the 14-day statutory right unless marked with an exception below. */
  exclusions: productSelector("exclusions").prefault({}),
  /** Products with an Article 16 exception: no statutory right of withdrawal, and not taken back. */
  withdrawal_exceptions: z
    .array(
      productSelector("withdrawal_exceptions")
        .extend({ exception: oneOf("withdrawal_exceptions.exception", WITHDRAWAL_EXCEPTIONS) })
        .strict()
    )
    .max(WITHDRAWAL_EXCEPTIONS.length)
    .default([]),
  /** The longer text, in Markdown, for the storefront's returns page. */
  details_markdown: z.string().max(20_000, "details_markdown can be at most 20000 characters").nullable().default(null),
  policy_url: z
    .string()
    .max(2000, "policy_url is too long")
    .refine((url) => {
      try {
        return new URL(url).protocol === "https:"
      } catch {
        return false
      }
    }, "policy_url must be an https URL like https://shop.example/returns")
    .nullable()
    .default(null),
})

/** The checks across fields, for the terms alone or inside a request body. */
export function withTermsChecks<T extends z.ZodType<{ free_returns: boolean; return_fees: { currency_code: string }[] }>>(schema: T) {
  return schema
    .refine((terms) => terms.free_returns || terms.return_fees.length > 0, {
      message: "return_fees needs a fee per currency when returns are not free",
      path: ["return_fees"],
    })
    .refine((terms) => new Set(terms.return_fees.map((fee) => fee.currency_code)).size === terms.return_fees.length, {
      message: "return_fees has the same currency twice",
      path: ["return_fees"],
    })
}

export const returnPolicyTermsSchema = withTermsChecks(returnPolicyTermsShape.strict())

export type ReturnPolicyTermsInput = z.input<typeof returnPolicyTermsSchema>
export type ReturnPolicyTerms = z.output<typeof returnPolicyTermsSchema>

/** One saved version of a scope's policy, as the module stores it. */
export type ReturnPolicyVersion = {
  id: string
  scope: PolicyScope
  scope_id: string | null
  version: number
  /** An override switched off: its scope falls back to the store's policy. */
  retired: boolean
  terms: ReturnPolicyTerms
  created_by: string
  created_at: Date | string
}

/** The fee for returning an order in `currency`; 0 when returns are free, null when the policy names no fee in it. */
export function returnFee(terms: ReturnPolicyTerms, currency: string): number | null {
  if (terms.free_returns) {
    return 0
  }
  return terms.return_fees.find((fee) => fee.currency_code === currency.toLowerCase())?.amount ?? null
}

/** The product fields `matchesSelector` reads. */
export const PRODUCT_SELECTOR_FIELDS = ["id", "type_id", "collection_id", "tags.id"]

export type SelectableProduct = {
  id: string
  type_id?: string | null
  collection_id?: string | null
  tags?: { id: string }[] | null
}

export function matchesSelector(product: SelectableProduct | null | undefined, selector: ProductSelector): boolean {
  if (!product) {
    return false
  }
  return (
    selector.product_ids.includes(product.id) ||
    (!!product.type_id && selector.type_ids.includes(product.type_id)) ||
    (!!product.collection_id && selector.collection_ids.includes(product.collection_id)) ||
    (product.tags ?? []).some((tag) => selector.tag_ids.includes(tag.id))
  )
}

/** The Article 16 exception a product falls under in these terms, if any. */
export function withdrawalExceptionOf(terms: ReturnPolicyTerms, product: SelectableProduct | null | undefined): WithdrawalException | null {
  return terms.withdrawal_exceptions.find((rule) => matchesSelector(product, rule))?.exception ?? null
}

/** How many products, tags, types and collections the policy excludes, for the admin's summary. */
export function excludedCount(terms: ReturnPolicyTerms): number {
  const { product_ids, tag_ids, type_ids, collection_ids } = terms.exclusions
  return product_ids.length + tag_ids.length + type_ids.length + collection_ids.length
}
