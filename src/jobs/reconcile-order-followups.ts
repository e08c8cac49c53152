import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RECONCILE_CRON } from "../lib/defaults"
import { reconcileOrderFollowupsWorkflow } from "../workflows/reconcile-order-followups"

/** Schedules recent orders whose order.placed was missed, and says so. */
export default async function reconcileOrderFollowupsJob(container: MedusaContainer) {
  const { result } = await reconcileOrderFollowupsWorkflow(container).run({ input: {} })
  if (result.order_ids.length) {
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(
      `post-purchase: scheduled ${result.followup_ids.length} follow-ups for ${result.order_ids.length} orders ` +
        `whose order.placed was missed: ${result.order_ids.join(", ")}`
    )
  }
}

const intervalMs = Number(process.env.PP_RECONCILE_INTERVAL_MS)

export const config = {
  name: "pp-reconcile-order-followups",
  // the tests run it by hand; shops keep the five minutes
  schedule: intervalMs > 0 ? { interval: intervalMs } : RECONCILE_CRON,
}
