import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { storeCreditAvailable } from "../lib/store-credit"
import { revertRefundedPointsWorkflow } from "../workflows/loyalty/revert-refunded-points"

/** How far back each run looks for store-credit refunds: longer than any outage, since counting one again writes nothing. */
export const STORE_CREDIT_REFUND_LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000

/** The orders refunded to store credit (a negative credit line) since `since`. */
export async function ordersRefundedToStoreCredit(container: MedusaContainer, since: Date): Promise<string[]> {
  // the order module's own list of credit lines: Medusa 2.21 announces no event for them, and the loyalty plugin
  // holds createOrderCreditLinesWorkflow's only hook, so the job reads what the refunds left on the orders
  const orders = container.resolve(Modules.ORDER) as unknown as {
    listOrderCreditLines(filters: Record<string, unknown>, config: { select: string[] }): Promise<{ order_id: string; amount: unknown }[]>
  }
  const lines = await orders.listOrderCreditLines({ created_at: { $gte: since } }, { select: ["id", "order_id", "amount"] })
  return [...new Set(lines.filter((line) => Number(line.amount) < 0).map((line) => line.order_id))].sort()
}

/**
 * Takes back the points of orders refunded to store credit, where Medusa's
 * loyalty plugin runs (without it no refund is paid as store credit).
 */
export default async function revertOrderRefundPointsJob(container: MedusaContainer, now = new Date()) {
  if (!storeCreditAvailable(container)) {
    return
  }
  const orderIds = await ordersRefundedToStoreCredit(container, new Date(now.getTime() - STORE_CREDIT_REFUND_LOOKBACK_MS))
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let taken = 0
  for (const order_id of orderIds) {
    // one order that fails must not keep the others from their turn; the next run tries it again
    try {
      const { result } = await revertRefundedPointsWorkflow(container).run({ input: { order_id } })
      taken += result.length
    } catch (e) {
      logger.error(`post-purchase: could not take back the loyalty points of order ${order_id}'s store-credit refunds: ${(e as Error).message}`)
    }
  }
  if (taken) {
    logger.info(`post-purchase: took back the loyalty points of ${taken} refunds to store credit`)
  }
}

const intervalMs = Number(process.env.PP_LOYALTY_STORE_CREDIT_INTERVAL_MS)

export const config = {
  name: "pp-revert-store-credit-refund-points",
  // a refund to store credit takes its points back within the hour; the demo and tests may shorten it
  schedule: intervalMs > 0 ? { interval: intervalMs } : "17 * * * *",
}
