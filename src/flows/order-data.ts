import type { EmailAddress, EmailOrder, OrderEmailProps } from "../emails/types"
import { orderOf, type FlowContext, type LoadedOrder } from "./types"

/** query.graph fields behind `EmailOrder`. */
export const EMAIL_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "status",
  "currency_code",
  "created_at",
  "customer_id",
  "customer.first_name",
  "shipping_address.*",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "item_subtotal",
  "shipping_total",
  "discount_total",
  "tax_total",
  "total",
]

const amount = (value: unknown): number => Number(value ?? 0)

/** The props every order email starts from. */
export function orderEmailProps(context: FlowContext): OrderEmailProps {
  const { brand, options, i18n } = context
  return { brand, order: toEmailOrder(orderOf(context)), storefrontUrl: options.storefrontUrl, i18n }
}

/** Turns a query.graph order into the plain shape the templates take. */
export function toEmailOrder(order: LoadedOrder): EmailOrder {
  return {
    id: order.id,
    display_id: order.display_id,
    email: order.email ?? "",
    currency_code: order.currency_code,
    created_at: new Date(order.created_at).toISOString(),
    customer_first_name: order.customer?.first_name ?? order.shipping_address?.first_name ?? null,
    items: (order.items ?? []).map((item: any) => ({
      id: item.id,
      title: item.product_title ?? item.title,
      variant_title: item.variant_title && item.variant_title !== "Default variant" ? item.variant_title : null,
      thumbnail: item.thumbnail ?? null,
      quantity: amount(item.quantity),
      unit_price: amount(item.unit_price),
      total: amount(item.total),
    })),
    subtotal: amount(order.item_subtotal),
    shipping_total: amount(order.shipping_total),
    discount_total: amount(order.discount_total),
    tax_total: amount(order.tax_total),
    total: amount(order.total),
    shipping_address: order.shipping_address ? toEmailAddress(order.shipping_address) : null,
  }
}

function toEmailAddress(address: Record<string, any>): EmailAddress {
  const pick = (key: string) => (address[key] as string | null | undefined) ?? null
  return {
    first_name: pick("first_name"),
    last_name: pick("last_name"),
    company: pick("company"),
    address_1: pick("address_1"),
    address_2: pick("address_2"),
    city: pick("city"),
    postal_code: pick("postal_code"),
    province: pick("province"),
    country_code: pick("country_code"),
    phone: pick("phone"),
  }
}
