import type { Translator } from "../i18n"

/** What every email knows about the shop; comes from the plugin's `brand` option. */
export interface BrandProps {
  name: string
  logoUrl?: string
  /** Hex colour for buttons, links and the header rule. */
  primaryColor: string
  supportEmail?: string
  supportUrl?: string
  address?: string
  newsletterUrl?: string
  social: { label: string; url: string }[]
}

export interface EmailAddress {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  postal_code: string | null
  province: string | null
  country_code: string | null
  phone: string | null
}

export interface EmailLineItem {
  id: string
  title: string
  /** e.g. "Size M / Blue"; null for products without options */
  variant_title: string | null
  thumbnail: string | null
  quantity: number
  /** In the currency's main unit (Medusa v2 amounts), e.g. 19.5 = €19.50 */
  unit_price: number
  total: number
}

/** An order as the email templates see it: plain, serialisable, amounts as numbers. */
export interface EmailOrder {
  id: string
  display_id: number | string
  email: string
  currency_code: string
  /** ISO 8601 */
  created_at: string
  customer_first_name: string | null
  items: EmailLineItem[]
  subtotal: number
  shipping_total: number
  discount_total: number
  tax_total: number
  total: number
  shipping_address: EmailAddress | null
}

/** The returns policy an order was placed under, as its emails quote it. */
export interface ReturnsPolicyProps {
  /** Days from delivery; 0 when the shop takes nothing back. */
  windowDays: number
  /** The return shipping fee in the order's currency: 0 when free, null when the policy names none in it. */
  fee: number | null
  currencyCode: string
  methods: ("mail" | "in_store")[]
  refundMethods: ("original_payment" | "store_credit" | "exchange")[]
  refundDays: number
  /** In the shop's own words. */
  conditions: string[]
  /** Titles of this order's items that cannot be returned. */
  notReturnable: string[]
  url: string | null
}

export interface OrderEmailProps {
  brand: BrandProps
  order: EmailOrder
  storefrontUrl: string
  /** The customer's language: every text, amount and date in the email comes from it. */
  i18n: Translator
}

// loyalty: what every loyalty email knows
/** The member a loyalty email is written to, and where their points are spent. */
export interface LoyaltyEmailProps {
  brand: BrandProps
  i18n: Translator
  /** The member's first name for the greeting; the copy editor's `{{first_name}}`. */
  customer: { first_name: string | null }
  storefrontUrl: string
  /** The storefront's loyalty page of the customer's account (`storefrontUrl` + `/account/loyalty`). */
  accountUrl: string
}
