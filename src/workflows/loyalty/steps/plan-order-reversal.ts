import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { pointsOfItems } from "../../../lib/loyalty-earning"
import { earningsOf, orderHoldings, orderNumber, returnReversals, takeBack } from "../../../lib/loyalty-order-points"
import { returnReceipts, returnStatus, RETURN_ORDER_FIELDS, type OrderItemQuantities } from "../../../lib/returns"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanOrderReversalStepInput = {
  order_id: string
  /** A received return: its items' share is taken back. Without it, the order was canceled: everything is. */
  return_id?: string | null
}

export const planOrderReversalStepId = "pp-plan-order-reversal"

/**
 * What a canceled or returned order gives back. A cancellation takes
 * everything the order still holds; a received return its items' share of
 * the points, by the rule and multiplier recorded on the earn entry that
 * counted them (never today's settings), or everything left once the whole
 * order is back. A return received in parts takes each part as it arrives,
 * and the parts add up to the share of all its items. An exchange's return
 * is taken back the same way (its new items earn in
 * `planExchangeEarningStep`). A claim's return takes nothing: a claim
 * replaces or refunds an item that arrived damaged or never arrived, the
 * shop's fault, and the customer keeps what the order earned. Pending points
 * go first; confirmed ones come off available, which goes negative when they
 * were already spent. No compensation: it only reads.
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
          ? [{ customer_id: holding.customer_id, type: "revert", ...deltas, ...ledgerReason("ledger.orderCanceled", { order: number }), order_id, idempotency_key: `revert:cancel:${order_id}:${holding.customer_id}` }]
          : []
      })
      return new StepResponse({ entries })
    }

    const {
      data: [orderReturn],
    } = await query.graph({ entity: "return", fields: ["id", "exchange_id", "claim_id"], filters: { id: return_id } })
    const swap = orderReturn as { exchange_id?: string | null; claim_id?: string | null } | undefined
    // a claim makes good the shop's own fault: the customer paid once and ends up with the goods the order earned on
    if (!swap || swap.claim_id) {
      return new StepResponse({ entries: [] as NewLedgerEntry[] })
    }
    const receipts = await returnReceipts(container, return_id)
    if (!receipts.count) {
      return new StepResponse({ entries: [] as NewLedgerEntry[] })
    }
    const wholeOrderBack = !!order && returnStatus((order.items ?? []) as OrderItemQuantities[]) === "returned"
    const reason = ledgerReason(
      wholeOrderBack ? "ledger.orderReturned" : swap.exchange_id ? "ledger.itemsExchanged" : "ledger.itemsReturned",
      { order: number }
    )
    const entries: NewLedgerEntry[] = []
    for (const holding of orderHoldings(ledger)) {
      const held = holding.pending + holding.confirmed
      // a return received in parts: each receipt takes what the return brought back so far, less what it took before
      const earlier = returnReversals(ledger, return_id, holding.customer_id)
      const share = pointsOfItems(earningsOf(ledger, holding.customer_id), receipts.items) - earlier.points
      const deltas = takeBack(holding, wholeOrderBack ? held : share)
      if (deltas) {
        entries.push({
          customer_id: holding.customer_id,
          type: "revert",
          ...deltas,
          ...reason,
          order_id,
          metadata: { return_id, exchange_id: swap.exchange_id ?? null, receipts: receipts.count, items: receipts.items },
          // per customer: a referral's order holds the referrer's bonus next to its buyer's points; a later receipt
          // of the same return gets a key of its own, numbered by the receipts the return has had
          idempotency_key: earlier.count
            ? `revert:return:${return_id}:${holding.customer_id}:${receipts.count}`
            : `revert:return:${return_id}:${holding.customer_id}`,
        })
      }
    }
    return new StepResponse({ entries })
  }
)
