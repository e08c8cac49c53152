import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderHoldings } from "../../../lib/loyalty-order-points"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { ConfirmableOrder } from "./find-confirmable-points"

export type PlanLoyaltyConfirmationsStepInput = { orders: ConfirmableOrder[] }

export const planLoyaltyConfirmationsStepId = "pp-plan-loyalty-confirmations"

/**
 * The confirmation of each order's remaining pending points: they become
 * available and count towards lifetime. Read under the orders' locks, so a
 * return received meanwhile is already counted. No compensation: it only reads.
 */
export const planLoyaltyConfirmationsStep = createStep(
  planLoyaltyConfirmationsStepId,
  async ({ orders }: PlanLoyaltyConfirmationsStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const entries: NewLedgerEntry[] = []
    for (const { order_id, reason, reason_ref } of orders) {
      const ledger = await loyalty.orderLedger(order_id)
      for (const { customer_id, pending } of orderHoldings(ledger)) {
        if (pending > 0) {
          // an order confirmed before can hold new pending points (an exchange received after its window closed)
          const earlier = ledger.filter((entry) => entry.type === "confirm" && entry.customer_id === customer_id).length
          entries.push({
            customer_id,
            type: "confirm",
            points: pending,
            pending_delta: -pending,
            available_delta: pending,
            lifetime_delta: pending,
            reason,
            reason_ref,
            order_id,
            // per customer: a referral's order holds the referrer's bonus next to its buyer's points; a later
            // confirmation of the same order is numbered, read under the order's lock like the pending points
            idempotency_key: earlier ? `confirm:${order_id}:${customer_id}:${earlier + 1}` : `confirm:${order_id}:${customer_id}`,
          })
        }
      }
    }
    return new StepResponse({ entries })
  }
)
