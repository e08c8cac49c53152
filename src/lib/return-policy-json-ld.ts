import type { MerchantReturnPolicy, MonetaryAmount, WithContext } from "schema-dts"
import type { RefundMethod, ReturnMethod } from "./return-policy"

/**
 * The returns policy as schema.org's `MerchantReturnPolicy`, for a
 * storefront's JSON-LD, so search engines can show the return terms next to
 * the shop's products. Property names and enumeration URLs are schema.org's;
 * `schema-dts` holds the names to them at compile time.
 */

const SCHEMA = "https://schema.org/"

const RETURN_METHOD: Record<ReturnMethod, "https://schema.org/ReturnByMail" | "https://schema.org/ReturnInStore"> = {
  mail: `${SCHEMA}ReturnByMail`,
  in_store: `${SCHEMA}ReturnInStore`,
}

const REFUND_TYPE: Record<
  RefundMethod,
  "https://schema.org/FullRefund" | "https://schema.org/StoreCreditRefund" | "https://schema.org/ExchangeRefund"
> = {
  // schema.org has no "to the original payment method"; a full refund is what it promises
  original_payment: `${SCHEMA}FullRefund`,
  store_credit: `${SCHEMA}StoreCreditRefund`,
  exchange: `${SCHEMA}ExchangeRefund`,
}

export type ReturnPolicyJsonLdInput = {
  /** The countries the terms apply to (ISO 3166-1 alpha-2, any case): the region's. */
  countries: string[]
  /** Days from delivery to send items back; 0 or null means they cannot be. */
  window_days: number | null
  return_methods?: readonly ReturnMethod[]
  refund_methods?: readonly RefundMethod[]
  /**
   * What sending back costs: free, a fee (its amount null when the policy names
   * none in this currency), or unknown (null: said nothing about it).
   */
  fee?: { free: true } | { free: false; amount: number | null; currency_code: string } | null
  /** The shop's full policy page. */
  policy_url?: string | null
  /** Where items are sent back to (ISO 3166-1 alpha-2): the shop's warehouses. */
  return_countries?: string[]
}

/**
 * The `MerchantReturnPolicy` object for these terms. A window of 0 days is
 * `MerchantReturnNotPermitted`, with nothing about how to return; the item
 * condition is left out, because the policy's conditions are free text that
 * schema.org's `OfferItemCondition` values cannot say honestly.
 */
export function merchantReturnPolicy(input: ReturnPolicyJsonLdInput): MerchantReturnPolicy {
  const countries = countryCodes(input.countries)
  // a region without countries applies nowhere in particular: say nothing rather than an empty list
  const applicableCountry = countries.length ? { applicableCountry: one(countries) } : {}
  const link = input.policy_url ? { merchantReturnLink: input.policy_url } : {}
  if (!input.window_days) {
    return {
      "@type": "MerchantReturnPolicy",
      ...applicableCountry,
      returnPolicyCategory: `${SCHEMA}MerchantReturnNotPermitted`,
      ...link,
    }
  }
  const methods = input.return_methods ?? []
  const refunds = [...new Set((input.refund_methods ?? []).map((method) => REFUND_TYPE[method]))]
  const returnCountries = countryCodes(input.return_countries ?? [])
  return {
    "@type": "MerchantReturnPolicy",
    ...applicableCountry,
    ...(returnCountries.length ? { returnPolicyCountry: one(returnCountries) } : {}),
    returnPolicyCategory: `${SCHEMA}MerchantReturnFiniteReturnWindow`,
    merchantReturnDays: input.window_days,
    ...(methods.length
      ? { returnMethod: one(methods.map((method) => RETURN_METHOD[method])), inStoreReturnsOffered: methods.includes("in_store") }
      : {}),
    ...feeOf(input.fee ?? null),
    ...(refunds.length ? { refundType: one(refunds) } : {}),
    ...link,
  }
}

/** The same object as a JSON-LD document of its own, for a `<script type="application/ld+json">`. */
export function merchantReturnPolicyDocument(input: ReturnPolicyJsonLdInput): WithContext<MerchantReturnPolicy> {
  return { "@context": "https://schema.org", ...merchantReturnPolicy(input) } as WithContext<MerchantReturnPolicy>
}

function feeOf(fee: ReturnPolicyJsonLdInput["fee"]): Pick<MerchantReturnPolicy, "returnFees" | "returnShippingFeesAmount"> {
  if (!fee) {
    return {}
  }
  if (fee.free) {
    return { returnFees: `${SCHEMA}FreeReturn` }
  }
  const amount: MonetaryAmount | null =
    fee.amount === null ? null : { "@type": "MonetaryAmount", value: fee.amount, currency: fee.currency_code.toUpperCase() }
  return { returnFees: `${SCHEMA}ReturnShippingFees`, ...(amount ? { returnShippingFeesAmount: amount } : {}) }
}

/** ISO 3166-1 alpha-2 in upper case, as schema.org's examples and Google write them; Medusa stores them in lower case. */
function countryCodes(codes: string[]): string[] {
  return [...new Set(codes.map((code) => code.toUpperCase()))].sort()
}

/** A single value stays a value (how schema.org's examples write it); several become a list. */
function one<T>(values: T[]): T | T[] {
  return values.length === 1 ? values[0] : values
}
