import type { ReturnsPolicyProps } from "../emails/types"
import type { OrderReturnTerms } from "../lib/return-terms"
import type { LoadedOrder } from "./types"

/** The order fields `returnsPolicyProps` reads, on top of the email's own. */
export const RETURNS_POLICY_ORDER_FIELDS = ["items.id", "items.product_title", "items.title", "currency_code"]

/**
 * The returns-policy block of an order's email, from the version the order
 * was placed under; null when the shop had no policy then.
 */
export function returnsPolicyProps(order: LoadedOrder, terms: OrderReturnTerms | undefined): ReturnsPolicyProps | null {
  const policy = terms?.policy
  if (!terms || !policy) {
    return null
  }
  const titles = new Map<string, string>((order.items ?? []).map((item: any) => [item.id, item.product_title ?? item.title]))
  return {
    windowDays: policy.terms.window_days,
    fee: terms.return_fee,
    currencyCode: order.currency_code,
    methods: policy.terms.return_methods,
    refundMethods: policy.terms.refund_methods,
    refundDays: policy.terms.refund_days,
    conditions: policy.terms.conditions,
    notReturnable: [
      ...new Set(terms.items.filter((item) => !item.returnable && item.reason !== "period_ended").map((item) => titles.get(item.item_id)!)),
    ].filter(Boolean),
    url: policy.terms.policy_url,
  }
}
