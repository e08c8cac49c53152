import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import type { LoyaltySettings, Tier } from "../modules/loyalty/settings"
import { amount } from "./loyalty-earning"
import { tierWindowStart } from "./loyalty-tier-progress"

/**
 * The tier a member's standing reaches: the highest level whose threshold
 * it reaches, none below the first. `measure` is what the tiers go by
 * (points earned or money spent in the rolling window).
 */
export function tierFor(settings: LoyaltySettings, measure: number): Tier | null {
  const reached = settings.tiers.levels.filter((level) => measure >= level.threshold)
  return reached.sort((a, b) => b.threshold - a.threshold)[0] ?? null
}

/** The order fields `orderSpend` reads; the order module computes the items' totals only when an order total is asked for too. */
export const SPEND_ORDER_FIELDS = ["id", "item_total", "items.id", "items.quantity", "items.total", "items.detail.*"]

type SpendOrder = {
  items?:
    | {
        quantity: unknown
        total?: unknown
        detail?: { return_received_quantity?: unknown; return_dismissed_quantity?: unknown } | null
      }[]
    | null
}

/**
 * What a customer spent on an order and kept: each item's total (after
 * discounts, with tax) for the quantity not received back. A return still
 * on its way counts until it arrives, as its refund does.
 */
export function orderSpend(order: SpendOrder): number {
  let spent = 0
  for (const item of order.items ?? []) {
    const quantity = amount(item.quantity as any)
    if (quantity <= 0) continue
    const back = amount(item.detail?.return_received_quantity as any) + amount(item.detail?.return_dismissed_quantity as any)
    spent += (amount(item.total as any) * Math.max(quantity - back, 0)) / quantity
  }
  return Math.round(spent * 100) / 100
}

/**
 * What a member's tier goes by at `now`, over the rolling 12 months: the
 * points earned (`pointsEarnedSince`), or the money spent in the tiers'
 * currency on orders not canceled, less what came back. One rule for the
 * tier job, the Store API and the admin.
 */
export async function tierMeasure(container: MedusaContainer, settings: LoyaltySettings, customerId: string, now: Date): Promise<number> {
  const since = tierWindowStart(now)
  if (settings.tiers.basis === "points") {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    return await loyalty.pointsEarnedSince(customerId, since)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: SPEND_ORDER_FIELDS,
    filters: {
      customer_id: customerId,
      currency_code: settings.tiers.currency_code ?? undefined,
      status: { $ne: "canceled" },
      created_at: { $gte: since, $lte: now },
    } as any,
  })
  return Math.round((orders as SpendOrder[]).reduce((sum, order) => sum + orderSpend(order), 0) * 100) / 100
}
