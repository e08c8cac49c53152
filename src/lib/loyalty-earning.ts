import type { EarnRate, LoyaltySettings, Tier } from "../modules/loyalty/settings"

/**
 * The rule an order earned under, recorded on its `earn` entry: a return or
 * a cancellation later takes back exactly what it gave, whatever the
 * settings and the customer's tier are by then.
 */
export type EarnRule = EarnRate & {
  /** The tier's multiplier when the order was placed (1 without a tier). */
  multiplier: number
  tier: string | null
  /** The value the points were counted on, in the order's currency. */
  base_amount: number
  /** Each line item's value per unit, as counted (after discounts; with tax when the rate includes it). */
  unit_values: Record<string, number>
  /** The shipping's value, when the rate includes it. */
  shipping_amount: number
}

/** The order fields `orderEarning` reads. */
export const EARNING_ORDER_FIELDS = [
  "id",
  "currency_code",
  "customer_id",
  // the order module computes the items' and shipping's totals only when an order total is asked for too
  "item_subtotal",
  "items.id",
  "items.quantity",
  "items.subtotal",
  "items.discount_subtotal",
  "items.total",
  "shipping_methods.subtotal",
  "shipping_methods.discount_subtotal",
  "shipping_methods.total",
]

type Amount = number | string | { numeric?: number; value?: string } | null | undefined

/** A Medusa total (a number, or a BigNumber's JSON) as a number. */
export function amount(value: Amount): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "number") return value
  if (typeof value === "string") return Number(value)
  return Number(value.numeric ?? value.value ?? 0)
}

type EarningOrder = {
  currency_code: string
  items?: { id: string; quantity: Amount; subtotal?: Amount; discount_subtotal?: Amount; total?: Amount }[] | null
  shipping_methods?: { subtotal?: Amount; discount_subtotal?: Amount; total?: Amount }[] | null
}

/** The earn rate for a currency, or null when the shop set none for it (orders in it earn nothing). */
export function earnRateFor(settings: LoyaltySettings, currencyCode: string): EarnRate | null {
  return settings.earn_rates.find((rate) => rate.currency_code === currencyCode.toLowerCase()) ?? null
}

/**
 * What an order earns: points per unit of currency on the items' value after
 * discounts (tax and shipping only when the rate includes them), times the
 * tier's multiplier, rounded down. Null when the rate is missing.
 */
export function orderEarning(
  order: EarningOrder,
  rate: EarnRate | null,
  tier: Pick<Tier, "id" | "multiplier"> | null
): { points: number; rule: EarnRule } | null {
  if (!rate) {
    return null
  }
  const unitValues: Record<string, number> = {}
  let items = 0
  for (const item of order.items ?? []) {
    const value = rate.include_tax ? amount(item.total) : amount(item.subtotal) - amount(item.discount_subtotal)
    const quantity = amount(item.quantity)
    unitValues[item.id] = quantity > 0 ? value / quantity : 0
    items += value
  }
  const shipping = rate.include_shipping
    ? (order.shipping_methods ?? []).reduce(
        (sum, method) =>
          sum + (rate.include_tax ? amount(method.total) : amount(method.subtotal) - amount(method.discount_subtotal)),
        0
      )
    : 0
  const base = Math.max(items + shipping, 0)
  const multiplier = tier?.multiplier ?? 1
  return {
    points: Math.floor(round2(base) * rate.points_per_unit * multiplier),
    rule: { ...rate, multiplier, tier: tier?.id ?? null, base_amount: round2(base), unit_values: unitValues, shipping_amount: round2(shipping) },
  }
}

/** An `earn` entry as reversals read it: its points and the rule they were counted under. */
export type RecordedEarning = { points: number; rule: EarnRule }

/**
 * What `items` are worth in points by the earn entries that counted them:
 * each entry's points in proportion to its items' value among them. An
 * order's own items are on its earn entry, an exchange's new items on the
 * exchange's, so a sent-back item is counted by the rule it earned under.
 */
export function pointsOfItems(earnings: RecordedEarning[], items: { item_id: string; quantity: number }[]): number {
  let points = 0
  for (const { rule, points: earned } of earnings) {
    if (!rule.base_amount) {
      continue
    }
    const value = items.reduce((sum, item) => sum + (rule.unit_values[item.item_id] ?? 0) * item.quantity, 0)
    points += (earned * value) / rule.base_amount
  }
  // rounded once, on the sum: two receipts of one return add up to the share of both items together
  return Math.round(points)
}

/**
 * What an exchange's new items earn by the rule the order earned under: its
 * rate and the multiplier of the customer's tier back then (never today's
 * settings or tier), on the items' value counted the same way. The exchange's
 * shipping earns nothing: it pays for the swap, not for goods. The rule
 * returned carries the new items' values, so a later return of them is
 * counted too. Null when the items earn nothing.
 */
export function exchangeEarning(orderRule: EarnRule, items: NonNullable<EarningOrder["items"]>): RecordedEarning | null {
  const rate: EarnRate = {
    currency_code: orderRule.currency_code,
    points_per_unit: orderRule.points_per_unit,
    include_shipping: false,
    include_tax: orderRule.include_tax,
  }
  const earning = orderEarning({ currency_code: orderRule.currency_code, items }, rate, { id: orderRule.tier ?? "", multiplier: orderRule.multiplier })
  if (!earning || earning.points <= 0) {
    return null
  }
  return { points: earning.points, rule: { ...earning.rule, tier: orderRule.tier } }
}

const round2 = (value: number) => Math.round(value * 100) / 100
