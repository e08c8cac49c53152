import { TZDate } from "@date-fns/tz"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { POST_PURCHASE_MODULE } from "../modules/post-purchase"
import type { PluginOptions } from "../modules/post-purchase/options"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import { deliveredAt, DELIVERY_ORDER_FIELDS } from "./delivery-estimate"
import {
  EU_WITHDRAWAL_DAYS,
  isEuCountry,
  matchesSelector,
  PRODUCT_SELECTOR_FIELDS,
  returnFee,
  withdrawalExceptionOf,
  type ReturnPolicyVersion,
  type SelectableProduct,
  type WithdrawalException,
} from "./return-policy"

/** Why an item cannot be sent back (now). */
export type NotReturnableReason =
  /** The shop's policy excludes it, and no statutory right covers it. */
  | "excluded"
  /** An Article 16 exception: no right of withdrawal, and the shop does not take it back. */
  | "withdrawal_exception"
  /** The shop has no returns policy, and no statutory right covers it. */
  | "no_policy"
  /** Its last day to return has passed. */
  | "period_ended"

export type ItemReturnTerms = {
  item_id: string
  returnable: boolean
  /** What it can be returned under: the shop's policy, or the EU's statutory right alone. */
  basis: "policy" | "statutory" | null
  /** Days from delivery it can be returned in. */
  window_days: number | null
  /** The last day to return it (YYYY-MM-DD, in the shop's time zone), once the delivery date is known. */
  last_day: string | null
  reason: NotReturnableReason | null
  withdrawal_exception: WithdrawalException | null
}

export type OrderReturnTerms = {
  order_id: string
  /** The version the order was placed under; null when the shop had saved none. */
  policy: ReturnPolicyVersion | null
  /** The buyer's statutory right of withdrawal applies (delivered to an EU country). */
  eu: boolean
  /** The delivery (reported, or estimated from the shipment), from which the windows count; null before it is known. */
  delivered_at: string | null
  delivery_estimated: boolean
  /** The last day any item can be returned; null until the delivery date is known, or when nothing can be. */
  last_day: string | null
  /** When that day ends, in the shop's time zone: once past, nothing of the order can be returned. */
  window_closes_at: string | null
  /** The return shipping fee in the order's currency: 0 when free, null when the policy names none. */
  return_fee: number | null
  currency_code: string
  items: ItemReturnTerms[]
}

/** What `returnTermsOf` needs of an order. */
export type TermsOrder = {
  id: string
  currency_code: string
  country_code: string | null
  items: { id: string; product: SelectableProduct | null }[]
}

/**
 * The one rule for what of an order can be returned, and until when. An item
 * with an Article 16 exception cannot; an item the policy excludes can only
 * under the EU's 14 days; the rest under the policy's window (never less than
 * 14 days in the EU). Windows count from the delivery, never the order date.
 */
export function returnTermsOf(
  order: TermsOrder,
  policy: ReturnPolicyVersion | null,
  delivery: { at: Date; estimated: boolean } | null,
  { timeZone, now }: { timeZone: string; now: Date }
): OrderReturnTerms {
  const eu = isEuCountry(order.country_code)
  const terms = policy?.terms ?? null
  const items = order.items.map((item): ItemReturnTerms => {
    const exception = terms ? withdrawalExceptionOf(terms, item.product) : null
    const base = { item_id: item.id, withdrawal_exception: exception }
    if (exception) {
      return { ...base, returnable: false, basis: null, window_days: null, last_day: null, reason: "withdrawal_exception" }
    }
    const underPolicy = !!terms && !matchesSelector(item.product, terms.exclusions)
    if (!underPolicy && !eu) {
      return { ...base, returnable: false, basis: null, window_days: null, last_day: null, reason: terms ? "excluded" : "no_policy" }
    }
    const basis = underPolicy ? "policy" : "statutory"
    const windowDays = underPolicy ? Math.max(terms!.window_days, eu ? EU_WITHDRAWAL_DAYS : 0) : EU_WITHDRAWAL_DAYS
    const lastDay = delivery ? lastDayOf(delivery.at, windowDays, timeZone) : null
    const ended = !!lastDay && now.getTime() > endOfDay(lastDay, timeZone).getTime()
    return { ...base, returnable: !ended, basis, window_days: windowDays, last_day: lastDay, reason: ended ? "period_ended" : null }
  })
  const lastDays = items.map((item) => item.last_day).filter((day): day is string => !!day)
  const lastDay = lastDays.length ? lastDays.sort().at(-1)! : null
  return {
    order_id: order.id,
    policy,
    eu,
    delivered_at: delivery?.at.toISOString() ?? null,
    delivery_estimated: delivery?.estimated ?? false,
    last_day: lastDay,
    window_closes_at: lastDay ? endOfDay(lastDay, timeZone).toISOString() : null,
    return_fee: terms ? returnFee(terms, order.currency_code) : null,
    currency_code: order.currency_code,
    items,
  }
}

/** The delivery's calendar day in the shop's time zone plus `days`: the day of delivery itself is not counted. */
export function lastDayOf(delivered: Date, days: number, timeZone: string): string {
  const local = new TZDate(delivered.getTime(), timeZone)
  const last = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + days, 12, 0, timeZone)
  return `${last.getFullYear()}-${pad(last.getMonth() + 1)}-${pad(last.getDate())}`
}

/** The last moment of a calendar day in the shop's time zone. */
export function endOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(new TZDate(year, month - 1, date + 1, 0, 0, timeZone).getTime() - 1)
}

const pad = (n: number) => String(n).padStart(2, "0")

/** The order fields `loadOrderReturnTerms` reads. */
export const RETURN_TERMS_ORDER_FIELDS = [
  "id",
  "currency_code",
  "created_at",
  "region_id",
  "sales_channel_id",
  "items.product_id",
  ...DELIVERY_ORDER_FIELDS,
]

/**
 * The return terms of each order, by the policy version it was placed under
 * and its delivery: what every capability asks (emails, the withdrawal
 * function, the store API, loyalty), so none repeats the rule.
 */
export async function loadOrderReturnTerms(
  container: any,
  orderIds: string[],
  now: Date = new Date()
): Promise<Map<string, OrderReturnTerms>> {
  const found = new Map<string, OrderReturnTerms>()
  if (!orderIds.length) {
    return found
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const options: PluginOptions = service.getOptions()
  const { data: orders } = await query.graph({ entity: "order", fields: RETURN_TERMS_ORDER_FIELDS, filters: { id: orderIds } })
  const productIds = [...new Set((orders as any[]).flatMap((order) => (order.items ?? []).map((item: any) => item.product_id)).filter(Boolean))]
  const { data: products } = productIds.length
    ? await query.graph({ entity: "product", fields: PRODUCT_SELECTOR_FIELDS, filters: { id: productIds }, withDeleted: true })
    : { data: [] }
  const productsById = new Map((products as SelectableProduct[]).map((product) => [product.id, product]))
  const policies = await service.orderReturnPolicies(orders as any[])
  for (const order of orders as any[]) {
    const delivery = await deliveredAt(container, order, options)
    found.set(
      order.id,
      returnTermsOf(
        {
          id: order.id,
          currency_code: order.currency_code,
          country_code: order.shipping_address?.country_code ?? null,
          items: (order.items ?? []).map((item: any) => ({ id: item.id, product: productsById.get(item.product_id) ?? null })),
        },
        policies.get(order.id) ?? null,
        delivery,
        { timeZone: options.quietHours.timeZone, now }
      )
    )
  }
  return found
}
