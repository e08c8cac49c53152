import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { confirmationGround, orderNumber, type ConfirmationGround } from "../../../lib/loyalty-order-points"
import { loadOrderReturnTerms } from "../../../lib/return-terms"
import { LOYALTY_MODULE, type NewLedgerEntry } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"

export type FindConfirmablePointsStepInput = {
  /** The moment the return windows are judged at; now when left out (tests move the clock with it). */
  now?: string | Date
}

/** Orders whose return terms are asked for at once. */
const PAGE = 100

const REASONS: Record<ConfirmationGround, string> = {
  window_closed: "its return window has closed",
  nothing_returnable: "nothing of it can be returned",
}

export const findConfirmablePointsStepId = "pp-find-confirmable-points"

/**
 * Every order whose points are pending and can no longer come back, by the
 * returns policy's one rule (`loadOrderReturnTerms`): its window has closed,
 * or it was delivered and nothing of it could be returned. Its remaining
 * pending points become available. An order not yet delivered waits; a
 * canceled one is never confirmed. No compensation: it only reads.
 */
export const findConfirmablePointsStep = createStep(
  findConfirmablePointsStepId,
  async (input: FindConfirmablePointsStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const entries: NewLedgerEntry[] = []
    let after: string | null = null
    for (;;) {
      const page = await loyalty.ordersWithPendingPoints({ limit: PAGE, after })
      if (!page.length) {
        break
      }
      after = page[page.length - 1].order_id
      const orderIds = [...new Set(page.map((row) => row.order_id))]
      const [terms, { data: orders }] = await Promise.all([
        loadOrderReturnTerms(container, orderIds, now),
        query.graph({ entity: "order", fields: ["id", "display_id", "status"], filters: { id: orderIds } }),
      ])
      const ordersById = new Map((orders as { id: string; display_id: number; status: string }[]).map((order) => [order.id, order]))
      for (const row of page) {
        const order = ordersById.get(row.order_id)
        const orderTerms = terms.get(row.order_id)
        if (!order || !orderTerms || order.status === "canceled") {
          continue
        }
        const ground = confirmationGround(orderTerms, now)
        if (!ground) {
          continue
        }
        entries.push({
          customer_id: row.customer_id,
          type: "confirm",
          points: row.pending,
          pending_delta: -row.pending,
          available_delta: row.pending,
          lifetime_delta: row.pending,
          reason: `Order ${orderNumber(order)}: ${REASONS[ground]}`,
          order_id: row.order_id,
          idempotency_key: `confirm:${row.order_id}`,
        })
      }
      if (page.length < PAGE) {
        break
      }
    }
    return new StepResponse({ entries })
  }
)
