import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_CONFIRM_CRON } from "../lib/defaults"
import { confirmLoyaltyPointsWorkflow } from "../workflows/loyalty/confirm-loyalty-points"

/** Confirms the pending points of orders that can no longer be returned. */
export default async function confirmLoyaltyPointsJob(container: MedusaContainer) {
  const { result } = await confirmLoyaltyPointsWorkflow(container).run({ input: {} })
  if (result.confirmed.length) {
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.info(`post-purchase: confirmed the loyalty points of ${result.confirmed.length} orders`)
  }
}

const intervalMs = Number(process.env.PP_LOYALTY_CONFIRM_INTERVAL_MS)

export const config = {
  name: "pp-confirm-loyalty-points",
  // a return window is counted in days, so once a day is enough; the demo shortens it
  schedule: intervalMs > 0 ? { interval: intervalMs } : LOYALTY_CONFIRM_CRON,
}
