import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_EXPIRY_CRON } from "../lib/defaults"
import { expireLoyaltyPointsWorkflow } from "../workflows/loyalty/expire-points"

/** Expires the loyalty points whose time has come and announces the expiries coming up. */
export default async function expireLoyaltyPointsJob(container: MedusaContainer) {
  const { result } = await expireLoyaltyPointsWorkflow(container).run({ input: {} })
  if (result.expired.length || result.reminded.length) {
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.info(`post-purchase: expired the loyalty points of ${result.expired.length} members, reminded ${result.reminded.length}`)
  }
}

const intervalMs = Number(process.env.PP_LOYALTY_EXPIRY_INTERVAL_MS)

export const config = {
  name: "pp-expire-loyalty-points",
  // expiry is counted in days, so once a day is enough
  schedule: intervalMs > 0 ? { interval: intervalMs } : LOYALTY_EXPIRY_CRON,
}
