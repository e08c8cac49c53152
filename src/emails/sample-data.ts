import { translator } from "../i18n"
import type { WithdrawalInfoProps } from "./components/withdrawal-block"
import type { ReviewRequestItem } from "./review-request"
import type { BrandProps, EmailLineItem, EmailOrder, ReturnsPolicyProps } from "./types"

/** Sample data for template previews and tests: a Dutch customer's three-item order in euros. */
export const sampleBrand: BrandProps = {
  name: "Acme Outfitters",
  primaryColor: "#0f766e",
  supportEmail: "help@acme-outfitters.example",
  supportUrl: "https://acme-outfitters.example/help",
  address: "Keizersgracht 123, 1015 CJ Amsterdam, Netherlands",
  newsletterUrl: "https://acme-outfitters.example/newsletter",
  social: [
    { label: "Instagram", url: "https://www.instagram.com/acmeoutfitters" },
    { label: "Facebook", url: "https://www.facebook.com/acmeoutfitters" },
  ],
}

export const sampleStorefrontUrl = "https://acme-outfitters.example"

/** Previews and tests write English unless they ask for another language. */
export const sampleI18n = translator("en")

export const sampleOrder: EmailOrder = {
  id: "order_01JQ7ZK3V8N5S2D4F6G8H0J1K2",
  display_id: 1001,
  email: "anna.devries@example.com",
  currency_code: "eur",
  created_at: "2025-03-14T10:24:00.000Z",
  customer_first_name: "Anna",
  items: [
    {
      id: "ordli_01JQ7ZK3V8N5S2D4F6G8H0J1A1",
      title: "Organic Cotton Tee",
      variant_title: "Size M / Sand",
      thumbnail: "https://acme-outfitters.example/images/organic-cotton-tee.jpg",
      quantity: 2,
      unit_price: 14.5,
      total: 29,
    },
    {
      id: "ordli_01JQ7ZK3V8N5S2D4F6G8H0J1A2",
      title: "Canvas Tote Bag",
      variant_title: null,
      thumbnail: "https://acme-outfitters.example/images/canvas-tote-bag.jpg",
      quantity: 1,
      unit_price: 12.95,
      total: 12.95,
    },
    {
      id: "ordli_01JQ7ZK3V8N5S2D4F6G8H0J1A3",
      title: "Wool Hiking Socks",
      variant_title: "Size 39–42",
      thumbnail: null,
      quantity: 1,
      unit_price: 9.95,
      total: 9.95,
    },
  ],
  subtotal: 51.9,
  shipping_total: 4.95,
  discount_total: 5,
  tax_total: 10.89,
  total: 62.74,
  shipping_address: {
    first_name: "Anna",
    last_name: "de Vries",
    company: null,
    address_1: "Prinsengracht 263",
    address_2: "3e verdieping",
    city: "Amsterdam",
    postal_code: "1016 GV",
    province: null,
    country_code: "nl",
    phone: "+31 20 123 4567",
  },
}

/** A Dutch shop's usual returns policy, for previews. */
export const sampleReturnsPolicy: ReturnsPolicyProps = {
  windowDays: 30,
  fee: 4.95,
  currencyCode: "eur",
  methods: ["mail", "in_store"],
  refundMethods: ["original_payment", "store_credit"],
  refundDays: 14,
  conditions: ["Unused, with the labels still on", "In the original packaging"],
  notReturnable: [],
  url: "https://acme-outfitters.example/returns",
}

/** The right of withdrawal as a Dutch order's confirmation states it, for previews; the link's token is no real one. */
export const sampleWithdrawalInfo: WithdrawalInfoProps = {
  days: 14,
  url: "https://api.acme-outfitters.example/hooks/post-purchase/withdraw?token=preview",
  supportEmail: sampleBrand.supportEmail!,
  costs: "customer",
  fee: 4.95,
  currencyCode: "eur",
  exceptions: [],
}

/** The review request's star links for previews; a real email carries a signed token per item. */
export function sampleReviewItems(items: EmailLineItem[], base = `${sampleStorefrontUrl}/review?token=preview`): ReviewRequestItem[] {
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    variant_title: item.variant_title,
    thumbnail: item.thumbnail,
    starUrls: [1, 2, 3, 4, 5].map((rating) => `${base}&item=${item.id}&rating=${rating}`),
    reviewUrl: `${base}&item=${item.id}`,
  }))
}

// loyalty: the sample member and her account page
export const sampleMember = { first_name: "Anna" }
export const sampleAccountUrl = `${sampleStorefrontUrl}/account/loyalty`
