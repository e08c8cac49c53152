import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TIER_WINDOW_MONTHS, tierProgress } from "../../lib/loyalty-tier-progress"
import { tierMeasure } from "../../lib/loyalty-tiers"
import { storeLedgerEntry, upcomingExpiry } from "./store-loyalty-view"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type LoyaltyModuleService from "../../modules/loyalty/service"

/**
 * A customer's points as the admin widget shows them. Before their first
 * entry the customer has no account: zeros and no referral code, not an
 * account made by a read (an account is made by the first points, or by
 * whichever flow hands out referral codes).
 */
export async function adminLoyaltyView(
  container: MedusaContainer,
  customerId: string,
  page: { limit: number; offset: number },
  now = new Date()
) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [{ settings }, account, { entries, count }] = await Promise.all([
    service.loyaltyProgramme(),
    service.accountOf(customerId),
    service.listLedger(customerId, page),
  ])
  const [earned, expiring] = await Promise.all([tierMeasure(container, settings, customerId, now), upcomingExpiry(container, settings, account, now)])
  return {
    account: {
      available: account?.available ?? 0,
      pending: account?.pending ?? 0,
      lifetime: account?.lifetime ?? 0,
      tier: account?.tier ?? null,
      referral_code: account?.referral_code ?? null,
    },
    // the same rule as the tier job and the customer's own view in the Store API: points earned (or money spent) in a rolling 12 months
    tier_progress: {
      ...tierProgress(settings, account?.tier ?? null, earned),
      earned_in_window: earned,
      window_months: TIER_WINDOW_MONTHS,
    },
    expiring,
    // the customer's own view of each line, and which admin made an adjustment
    entries: entries.map((entry) => ({ ...storeLedgerEntry(entry), created_by: entry.created_by })),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}

/** The customer, or a 404: points are never read or written for a customer who does not exist. */
export async function findLoyaltyCustomer(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id"], filters: { id } })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${id}" was not found`)
  }
  return customer as { id: string }
}
