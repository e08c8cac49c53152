import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EARNING_ORDER_FIELDS, earnRateFor, orderEarning } from "../../../lib/loyalty-earning"
import { orderNumber } from "../../../lib/loyalty-order-points"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanOrderEarningStepInput = { order_id: string }

/** Why an order earns nothing; null when it earns. */
export type NoEarningReason = "programme_off" | "order_not_found" | "canceled" | "guest" | "no_rate" | "no_points"

export type PlannedEarning = { entries: NewLedgerEntry[]; skipped: NoEarningReason | null }

export const planOrderEarningStepId = "pp-plan-order-earning"

/**
 * What a placed order earns: points on its value by the shop's rate for its
 * currency, times the customer's current tier's multiplier, pending until its
 * return window closes, with the rule recorded on the entry for later
 * reversals. Only customers with an account earn: a guest has no account to
 * spend them from. No compensation: it only reads.
 */
export const planOrderEarningStep = createStep(
  planOrderEarningStepId,
  async ({ order_id }: PlanOrderEarningStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const skip = (reason: NoEarningReason) => new StepResponse<PlannedEarning>({ entries: [], skipped: reason })

    const { settings } = await loyalty.loyaltyProgramme()
    if (!settings.enabled) {
      return skip("programme_off")
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [...EARNING_ORDER_FIELDS, "display_id", "status", "customer.has_account"],
      filters: { id: order_id },
    })
    if (!order) {
      return skip("order_not_found")
    }
    if (order.status === "canceled") {
      return skip("canceled")
    }
    if (!order.customer_id || !order.customer?.has_account) {
      return skip("guest")
    }
    const rate = earnRateFor(settings, order.currency_code)
    if (!rate) {
      return skip("no_rate")
    }
    const account = await loyalty.accountOf(order.customer_id)
    const tier = account?.tier ? settings.tiers.levels.find((level) => level.id === account.tier) ?? null : null
    const earning = orderEarning(order as any, rate, tier)
    if (!earning || earning.points <= 0) {
      return skip("no_points")
    }
    return new StepResponse<PlannedEarning>({
      entries: [
        {
          customer_id: order.customer_id,
          type: "earn",
          points: earning.points,
          pending_delta: earning.points,
          ...ledgerReason("ledger.orderEarned", { order: orderNumber(order) }),
          order_id: order.id,
          rule: earning.rule,
          idempotency_key: `earn:${order.id}`,
        },
      ],
      skipped: null,
    })
  }
)
