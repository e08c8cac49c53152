import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { tierFor, tierMeasure } from "../../../lib/loyalty-tiers"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltySettings } from "../../../modules/loyalty/settings"

export type PlanLoyaltyTierStepInput = {
  customer_id: string
  /** The moment the rolling window ends at; now when left out (tests move the clock with it). */
  now?: string | Date
}

/** What the tier update does: the account's tier, and the tier groups the customer joins and leaves. */
export type LoyaltyTierPlan = {
  customer_id: string
  from: string | null
  to: string | null
  changed: boolean
  direction: "up" | "down"
  changed_at: string
  /** The new tier's customer group, when the customer is not in it yet. */
  add: string[]
  /** The other tiers' groups the customer is in; the customer's other groups are never touched. */
  remove: string[]
}

const rank = (settings: LoyaltySettings, tierId: string | null) =>
  tierId ? settings.tiers.levels.find((level) => level.id === tierId)?.threshold ?? -1 : -1

export const planLoyaltyTierStepId = "pp-plan-loyalty-tier"

/**
 * The tier the member's last 12 months reach (`tierMeasure`, `tierFor`) and
 * what moving there takes. The groups are planned from the customer's groups
 * as they are, so a tier mapped to a group after the member reached it is
 * put right on the next run. A tier whose group was deleted in Medusa keeps
 * its members in the tier, without the group (a warning in the logs says
 * so): a points adjustment or the daily job must not fail for it. Nothing
 * moves while the programme is off or before the customer has an account.
 * No compensation: it only reads.
 */
export const planLoyaltyTierStep = createStep(planLoyaltyTierStepId, async (input: PlanLoyaltyTierStepInput, { container }) => {
  const now = input.now ? new Date(input.now) : new Date()
  const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [{ settings }, account] = await Promise.all([loyalty.loyaltyProgramme(), loyalty.accountOf(input.customer_id)])
  const unchanged: LoyaltyTierPlan = {
    customer_id: input.customer_id,
    from: account?.tier ?? null,
    to: account?.tier ?? null,
    changed: false,
    direction: "up",
    changed_at: now.toISOString(),
    add: [],
    remove: [],
  }
  if (!settings.enabled || !account) {
    return new StepResponse(unchanged)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [
    {
      data: [customer],
    },
    measure,
  ] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: input.customer_id } }),
    tierMeasure(container, settings, input.customer_id, now),
  ])
  if (!customer) {
    return new StepResponse(unchanged)
  }
  const target = tierFor(settings, measure)
  const to = target?.id ?? null
  const member = new Set(((customer as any).groups ?? []).map((group: { id: string }) => group.id))
  const tierGroups = new Set(settings.tiers.levels.flatMap((level) => (level.customer_group_id ? [level.customer_group_id] : [])))
  const { data: groups } = tierGroups.size
    ? await query.graph({ entity: "customer_group", fields: ["id"], filters: { id: [...tierGroups] } })
    : { data: [] as { id: string }[] }
  const existing = new Set(groups.map((group: { id: string }) => group.id))
  let wanted = target?.customer_group_id ?? null
  if (target && wanted && !existing.has(wanted)) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `medusa-plugin-post-purchase: loyalty tier "${target.id}" maps to customer group ${wanted}, which no longer exists: customer ${input.customer_id} is in the tier without a group; choose another group in the loyalty settings`
      )
    wanted = null
  }
  return new StepResponse<LoyaltyTierPlan>({
    ...unchanged,
    to,
    changed: to !== account.tier,
    direction: rank(settings, to) > rank(settings, account.tier) ? "up" : "down",
    add: wanted && !member.has(wanted) ? [wanted] : [],
    remove: [...tierGroups].filter((group) => group !== wanted && member.has(group)),
  })
})
