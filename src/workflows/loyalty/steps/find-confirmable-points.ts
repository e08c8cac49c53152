import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { confirmationGround, orderNumber, type ConfirmationGround } from "../../../lib/loyalty-order-points"
import { loadOrderReturnTerms } from "../../../lib/return-terms"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { ledgerReason, type LedgerReasonKey } from "../../../lib/loyalty-reasons"

/** An order whose pending points can be confirmed, and the ledger's reason why. */
export type ConfirmableOrder = { order_id: string } & ReturnType<typeof ledgerReason>

export type FindConfirmablePointsStepInput = {
  /** The moment the return windows are judged at; now when left out (tests move the clock with it). */
  now?: string | Date
}

/** Orders whose return terms are asked for at once. */
const PAGE = 100

const REASONS: Record<ConfirmationGround, LedgerReasonKey> = {
  window_closed: "ledger.orderConfirmed",
  nothing_returnable: "ledger.orderConfirmedNothingReturnable",
}

export const findConfirmablePointsStepId = "pp-find-confirmable-points"

/**
 * Every order whose points are pending and can no longer come back, by the
 * returns policy's one rule (`loadOrderReturnTerms`): its window has closed,
 * or it was delivered and nothing of it could be returned. An order not yet
 * delivered waits; a canceled one is never confirmed. No compensation: it
 * only reads.
 */
export const findConfirmablePointsStep = createStep(
  findConfirmablePointsStepId,
  async (input: FindConfirmablePointsStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const confirmable: ConfirmableOrder[] = []
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
      const ordersById = new Map((orders as { id: string; display_id: number | string | null; status: string }[]).map((order) => [order.id, order]))
      for (const orderId of orderIds) {
        const order = ordersById.get(orderId)
        const orderTerms = terms.get(orderId)
        const ground = order && orderTerms && order.status !== "canceled" ? confirmationGround(orderTerms, now) : null
        if (ground) {
          confirmable.push({ order_id: orderId, ...ledgerReason(REASONS[ground], { order: orderNumber(order!) }) })
        }
      }
      if (page.length < PAGE) {
        break
      }
    }
    return new StepResponse({ orders: confirmable })
  }
)
