import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECONCILE_CRON } from "../lib/defaults"
import { reconcile } from "../lib/reconcile"

/** Makes good the order, shipment and delivery events the plugin missed, and says so. */
export default async function reconcileOrderFollowupsJob(container: MedusaContainer) {
  const result = await reconcile(container)
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (result.order_ids.length) {
    logger.warn(
      `post-purchase: scheduled ${result.followup_ids.length} follow-ups for ${result.order_ids.length} orders ` +
        `whose order.placed was missed: ${result.order_ids.join(", ")}`
    )
  }
  if (result.earned.length) {
    logger.warn(`post-purchase: earned the loyalty points of ${result.earned.length} of them: ${result.earned.join(", ")}`)
  }
  if (result.loyalty_failed.length) {
    logger.error(`post-purchase: could not earn the loyalty points of ${result.loyalty_failed.length} orders; the next pass tries again: ${result.loyalty_failed.join("; ")}`)
  }
  if (result.tracked.length) {
    logger.warn(`post-purchase: made good ${result.tracked.length} missed fulfillment events: ${result.tracked.join(", ")}`)
  }
}

const intervalMs = Number(process.env.PP_RECONCILE_INTERVAL_MS)

export const config = {
  name: "pp-reconcile-order-followups",
  // the tests run it by hand; shops keep the five minutes
  schedule: intervalMs > 0 ? { interval: intervalMs } : RECONCILE_CRON,
}
