import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amount } from "../../../lib/loyalty-earning"
import { orderEarnOf, orderHoldings, orderNumber, standing, takeBack } from "../../../lib/loyalty-order-points"
import {
  REFUND_METADATA_KEY,
  RETURNED_TOTAL_FIELDS,
  refundReversals,
  returnedValue,
  type OrderRefund,
  type ReturnedItemTotals,
} from "../../../lib/loyalty-refunds"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanRefundReversalStepInput = { order_id: string }

export const planRefundReversalStepId = "pp-plan-refund-reversal"

type RefundRow = { id: string; amount: unknown; created_at: string | Date }
type PaymentCollectionRow = { payments?: { refunds?: RefundRow[] | null }[] | null }

/**
 * What an order's refunds take back from its buyer, paid back to the
 * payment or to store credit alike (a negative credit line, which Medusa's
 * loyalty plugin pays onto the customer's store-credit account): each for
 * its share of the points, for the money it gives back beyond what the items
 * in returns are worth (their returns take those points; `refundReversals`).
 * One line per refund, keyed by it, so counting it again writes nothing.
 * No compensation: it only reads.
 */
export const planRefundReversalStep = createStep(
  planRefundReversalStepId,
  async ({ order_id }: PlanRefundReversalStepInput, { container }) => {
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
        "payment_collections.payments.refunds.id",
        "payment_collections.payments.refunds.amount",
        "payment_collections.payments.refunds.created_at",
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
    const toStoreCredit: OrderRefund[] = ((order.credit_lines ?? []) as RefundRow[])
      .map((line) => ({ id: line.id, kind: "store_credit" as const, amount: -amount(line.amount as number), created_at: line.created_at }))
      .filter((line) => line.amount > 0)
    const toPayment: OrderRefund[] = ((order.payment_collections ?? []) as PaymentCollectionRow[])
      .flatMap((collection) => collection.payments ?? [])
      .flatMap((payment) => payment.refunds ?? [])
      .map((refund) => ({ id: refund.id, kind: "payment" as const, amount: amount(refund.amount as number), created_at: refund.created_at }))
      .filter((refund) => refund.amount > 0)
    const refunds = [...toPayment, ...toStoreCredit]
    // what the customer paid; the order's totals move with each edit, the captured payment does not
    const summary = (order.summary ?? {}) as { paid_total?: unknown }
    const reversals = refundReversals({
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
        ...ledgerReason(reversal.refund.kind === "payment" ? "ledger.refunded" : "ledger.refundedAsStoreCredit", { order: number }),
        order_id,
        metadata: { [REFUND_METADATA_KEY[reversal.refund.kind]]: reversal.refund.id, refunded: reversal.refunded },
        idempotency_key: `revert:${reversal.refund.kind === "payment" ? "refund" : "credit"}:${reversal.refund.id}:${earn.customer_id}`,
      })
    }
    return new StepResponse({ entries })
  }
)
