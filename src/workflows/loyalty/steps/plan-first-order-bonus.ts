import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderNumber } from "../../../lib/loyalty-order-points"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanFirstOrderBonusStepInput = { order_id: string }

export const planFirstOrderBonusStepId = "pp-plan-first-order-bonus"

/**
 * The programme's `first_order` bonus for a member's first order (no earlier
 * order of theirs that was not canceled), pending with that order like its
 * points: confirmed when its return window closes, taken back when it is
 * canceled. No compensation: it only reads.
 */
export const planFirstOrderBonusStep = createStep(
  planFirstOrderBonusStepId,
  async ({ order_id }: PlanFirstOrderBonusStepInput, { container }) => {
    const none = () => new StepResponse({ entries: [] as NewLedgerEntry[] })
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { settings } = await loyalty.loyaltyProgramme()
    const points = settings.bonuses.first_order
    if (!settings.enabled || points <= 0) {
      return none()
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "status", "customer_id", "created_at", "customer.has_account"],
      filters: { id: order_id },
    })
    if (!order || order.status === "canceled" || !order.customer_id || !order.customer?.has_account) {
      return none()
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "status", "created_at"],
      filters: { customer_id: order.customer_id },
    })
    const placedAt = new Date(order.created_at as any).getTime()
    const earlier = orders.some(
      (other: any) => other.id !== order.id && other.status !== "canceled" && new Date(other.created_at).getTime() <= placedAt
    )
    if (earlier) {
      return none()
    }
    return new StepResponse({
      entries: [
        {
          customer_id: order.customer_id,
          type: "bonus",
          points,
          pending_delta: points,
          ...ledgerReason("ledger.firstOrderBonus", { order: orderNumber(order) }),
          order_id: order.id,
          idempotency_key: `bonus:first_order:${order.id}`,
        },
      ] as NewLedgerEntry[],
    })
  }
)
