import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amount } from "../../../lib/loyalty-earning"
import { orderEarnOf, orderHoldings, orderNumber, standing, takeBack } from "../../../lib/loyalty-order-points"
import { RETURNED_TOTAL_FIELDS, returnedValue, storeCreditRefundReversals, type ReturnedItemTotals, type StoreCreditRefund } from "../../../lib/loyalty-store-credit-refunds"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanStoreCreditRefundReversalStepInput = { order_id: string }

export const planStoreCreditRefundReversalStepId = "pp-plan-store-credit-refund-reversal"

type CreditLineRow = { id: string; amount: unknown; created_at: string | Date }

/**
 * What an order's refunds to store credit take back from its buyer: each
 * negative credit line (which the loyalty plugin pays onto the customer's
 * store-credit account) for its share of the points, for the money it gives
 * back beyond what the items in returns are worth (their returns take those
 * points; `storeCreditRefundReversals`). One line per
 * credit line, keyed by it, so counting it again writes nothing.
 * No compensation: it only reads.
 */
export const planStoreCreditRefundReversalStep = createStep(
  planStoreCreditRefundReversalStepId,
  async ({ order_id }: PlanStoreCreditRefundReversalStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const ledger = await loyalty.orderLedger(order_id)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "display_id",
        "customer_id",
        "summary.*",
        "credit_lines.id",
        "credit_lines.amount",
        "credit_lines.created_at",
        // the order module computes the items' totals only when an order total is asked for too
        "item_total",
        ...RETURNED_TOTAL_FIELDS,
      ],
      filters: { id: order_id },
    })
    // an undone line and its undo count for nothing: a reversal undone by a failed run is taken again
    const lines = standing(ledger)
    const earn = orderEarnOf(lines)
    if (!order || !earn || earn.customer_id !== order.customer_id) {
      return new StepResponse({ entries: [] as NewLedgerEntry[] })
    }
    const refunds: StoreCreditRefund[] = ((order.credit_lines ?? []) as CreditLineRow[])
      .map((line) => ({ id: line.id, amount: -amount(line.amount as number), created_at: line.created_at }))
      .filter((line) => line.amount > 0)
    // what the customer paid; the order's totals move with each edit, the captured payment does not
    const summary = (order.summary ?? {}) as { paid_total?: unknown }
    const reversals = storeCreditRefundReversals({
      customer_id: earn.customer_id,
      earned: earn.points,
      paid_total: amount(summary.paid_total as number),
      returned_value: returnedValue((order.items ?? []) as ReturnedItemTotals[]),
      refunds,
      ledger: lines,
    })
    const holding = orderHoldings(ledger).find((candidate) => candidate.customer_id === earn.customer_id)
    const number = orderNumber(order)
    const entries: NewLedgerEntry[] = []
    for (const reversal of reversals) {
      const deltas = holding && takeBack(holding, reversal.points)
      if (!holding || !deltas) {
        continue
      }
      // the next reversal takes from what this one left
      holding.pending += deltas.pending_delta ?? 0
      holding.confirmed += deltas.lifetime_delta ?? 0
      entries.push({
        customer_id: earn.customer_id,
        type: "revert",
        ...deltas,
        ...ledgerReason("ledger.refundedAsStoreCredit", { order: number }),
        order_id,
        metadata: { credit_line_id: reversal.credit_line_id, refunded: reversal.refunded },
        idempotency_key: `revert:credit:${reversal.credit_line_id}:${earn.customer_id}`,
      })
    }
    return new StepResponse({ entries })
  }
)
