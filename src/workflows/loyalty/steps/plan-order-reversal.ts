import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pointsForReturnedItems } from "../../../lib/loyalty-earning"
import { earnOf, orderHoldings, orderNumber, takeBack } from "../../../lib/loyalty-order-points"
import { returnStatus, RETURN_ORDER_FIELDS, type OrderItemQuantities } from "../../../lib/returns"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type PlanOrderReversalStepInput = {
  order_id: string
  /** A received return: its items' share is taken back. Without it, the order was canceled: everything is. */
  return_id?: string | null
}

export const planOrderReversalStepId = "pp-plan-order-reversal"

type ReturnRow = { id: string; exchange_id?: string | null; claim_id?: string | null; items?: { item_id: string; received_quantity: unknown; damaged_quantity: unknown }[] }

/**
 * What a canceled or returned order gives back. A cancellation takes
 * everything the order still holds; a return its items' share of the
 * points, by the rule and multiplier recorded on the earn entry (never
 * today's settings), or everything left once the whole order is back.
 * Pending points go first; confirmed ones come off available, which goes
 * negative when they were already spent. An exchange's or a claim's return
 * takes nothing yet. No compensation: it only reads.
 */
export const planOrderReversalStep = createStep(
  planOrderReversalStepId,
  async ({ order_id, return_id }: PlanOrderReversalStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const ledger = await loyalty.orderLedger(order_id)
    if (!ledger.length) {
      return new StepResponse({ entries: [] as NewLedgerEntry[] })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "display_id", "status", ...RETURN_ORDER_FIELDS], filters: { id: order_id } })
    const number = orderNumber(order ?? { id: order_id })

    if (!return_id) {
      // only a real cancellation takes everything back
      if (order?.status !== "canceled") {
        return new StepResponse({ entries: [] as NewLedgerEntry[] })
      }
      const entries = orderHoldings(ledger).flatMap((holding): NewLedgerEntry[] => {
        const deltas = takeBack(holding, holding.pending + holding.confirmed)
        return deltas
          ? [{ customer_id: holding.customer_id, type: "revert", ...deltas, reason: `Order ${number} was canceled`, order_id, idempotency_key: `revert:cancel:${order_id}:${holding.customer_id}` }]
          : []
      })
      return new StepResponse({ entries })
    }

    const {
      data: [orderReturn],
    } = await query.graph({
      entity: "return",
      fields: ["id", "exchange_id", "claim_id", "items.item_id", "items.received_quantity", "items.damaged_quantity"],
      filters: { id: return_id },
    })
    // an exchange's or a claim's items come back against new ones: taking their points without earning the new
    // items' would cost the customer points for a swap, so these wait until exchanges are handled whole
    const swap = orderReturn as { exchange_id?: string | null; claim_id?: string | null } | undefined
    if (swap?.exchange_id || swap?.claim_id) {
      return new StepResponse({ entries: [] as NewLedgerEntry[] })
    }
    const returned = ((orderReturn as ReturnRow | undefined)?.items ?? [])
      // a damaged item came back too, it is just not restocked
      .map((item) => ({ item_id: item.item_id, quantity: Number(item.received_quantity ?? 0) + Number(item.damaged_quantity ?? 0) }))
      .filter((item) => item.quantity > 0)
    const wholeOrderBack = !!order && returnStatus((order.items ?? []) as OrderItemQuantities[]) === "returned"
    const entries: NewLedgerEntry[] = []
    for (const holding of orderHoldings(ledger)) {
      const held = holding.pending + holding.confirmed
      const earned = earnOf(ledger, holding.customer_id)
      const points = wholeOrderBack ? held : earned ? pointsForReturnedItems(earned, returned, held) : 0
      const deltas = takeBack(holding, points)
      if (deltas) {
        entries.push({
          customer_id: holding.customer_id,
          type: "revert",
          ...deltas,
          reason: wholeOrderBack ? `Order ${number} was returned` : `Items of order ${number} were returned`,
          order_id,
          metadata: { return_id, items: returned },
          // per customer: a referral's order holds the referrer's bonus next to its buyer's points
          idempotency_key: `revert:return:${return_id}:${holding.customer_id}`,
        })
      }
    }
    return new StepResponse({ entries })
  }
)
