import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EARNING_ORDER_FIELDS, exchangeEarning } from "../../../lib/loyalty-earning"
import { orderEarnOf, orderNumber } from "../../../lib/loyalty-order-points"
import { returnReceipts } from "../../../lib/returns"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason } from "../../../lib/loyalty-reasons"

export type PlanExchangeEarningStepInput = { order_id: string; return_id: string }

export const planExchangeEarningStepId = "pp-plan-exchange-earning"

type ExchangeRow = { id: string; canceled_at?: string | Date | null; additional_items?: { item_id: string }[] | null }

/**
 * What an exchange's new items earn once its return has been received: points
 * by the rule and tier multiplier recorded on the order's own earn entry
 * (never today's settings or tier), pending with the order until its return
 * window closes, like the order's own points. It counts at the first receipt
 * because from then on Medusa no longer lets the exchange be canceled, and a
 * confirmed exchange can be canceled without any event; the items sent back
 * are taken back by `planOrderReversalStep` in the same workflow. Once per
 * exchange. A claim's new items earn nothing: they replace goods the order
 * already earned on. No compensation: it only reads.
 */
export const planExchangeEarningStep = createStep(
  planExchangeEarningStepId,
  async ({ order_id, return_id }: PlanExchangeEarningStepInput, { container }) => {
    const none = () => new StepResponse({ entries: [] as NewLedgerEntry[] })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [orderReturn],
    } = await query.graph({ entity: "return", fields: ["id", "exchange_id"], filters: { id: return_id } })
    const exchangeId = (orderReturn as { exchange_id?: string | null } | undefined)?.exchange_id
    if (!exchangeId) {
      return none()
    }
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    // an order that earned nothing (a guest's, one placed while the programme was off) has no rule to earn by
    const orderEarn = orderEarnOf(await loyalty.orderLedger(order_id))
    if (!orderEarn || !(await returnReceipts(container, return_id)).count) {
      return none()
    }
    const [{ data: exchanges }, { data: orders }] = await Promise.all([
      query.graph({ entity: "order_exchange", fields: ["id", "canceled_at", "additional_items.item_id"], filters: { id: exchangeId } }),
      query.graph({ entity: "order", fields: [...EARNING_ORDER_FIELDS, "display_id"], filters: { id: order_id } }),
    ])
    const exchange = exchanges[0] as ExchangeRow | undefined
    const order = orders[0]
    if (!exchange || exchange.canceled_at || !order) {
      return none()
    }
    const newItemIds = new Set((exchange.additional_items ?? []).map((item) => item.item_id))
    const newItems = ((order.items ?? []) as any[]).filter((item) => item && newItemIds.has(item.id))
    const earning = newItems.length ? exchangeEarning(orderEarn.rule, newItems) : null
    if (!earning) {
      return none()
    }
    return new StepResponse({
      entries: [
        {
          customer_id: orderEarn.customer_id,
          type: "earn",
          points: earning.points,
          pending_delta: earning.points,
          ...ledgerReason("ledger.exchangeEarned", { order: orderNumber(order) }),
          order_id,
          rule: earning.rule,
          metadata: { exchange_id: exchangeId, return_id },
          idempotency_key: `earn:exchange:${exchangeId}`,
        },
      ] as NewLedgerEntry[],
    })
  }
)
