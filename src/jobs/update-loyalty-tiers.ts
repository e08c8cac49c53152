import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_TIER_ACTIVITY_MONTHS, LOYALTY_TIERS_CRON } from "../lib/defaults"
import { addMonths } from "../lib/loyalty-expiry"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { updateLoyaltyTierWorkflow } from "../workflows/loyalty/update-tier"

/** Members whose tier is looked at per page. */
const PAGE = 200

/**
 * Runs the tier update for every member active in the last 13 months and
 * everyone in a tier, so the rolling window moves members down when they
 * stop. Answers how many moved.
 */
export async function updateLoyaltyTiers(container: MedusaContainer, { now = new Date() }: { now?: Date } = {}) {
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const { settings } = await loyalty.loyaltyProgramme()
  if (!settings.enabled || !settings.tiers.levels.length) {
    return { moved: 0 }
  }
  const activeSince = addMonths(now, -LOYALTY_TIER_ACTIVITY_MONTHS)
  let moved = 0
  let after: string | null = null
  for (;;) {
    const members = await loyalty.tierMembers({ activeSince, limit: PAGE, after })
    for (const customerId of members) {
      const { result } = await updateLoyaltyTierWorkflow(container).run({ input: { customer_id: customerId, now: now.toISOString() } })
      if (result.changed) moved++
    }
    if (members.length < PAGE) {
      return { moved }
    }
    after = members[members.length - 1]
  }
}

/** Moves members up or down their tiers as the 12-month window rolls. */
export default async function updateLoyaltyTiersJob(container: MedusaContainer) {
  const { moved } = await updateLoyaltyTiers(container)
  if (moved) {
    const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    logger.info(`post-purchase: moved ${moved} loyalty members to another tier`)
  }
}

const intervalMs = Number(process.env.PP_LOYALTY_TIERS_INTERVAL_MS)

export const config = {
  name: "pp-update-loyalty-tiers",
  schedule: intervalMs > 0 ? { interval: intervalMs } : LOYALTY_TIERS_CRON,
}
