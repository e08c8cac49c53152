import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsWorkflow, deleteCustomerGroupsWorkflow, linkCustomerGroupsToCustomerWorkflow } from "@medusajs/medusa/core-flows"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { DAY_MS, freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"
import { customerHeaders } from "../helpers/admin"
import { updateLoyaltyTiers } from "../../src/jobs/update-loyalty-tiers"
import { addMonths } from "../../src/lib/loyalty-expiry"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE, LoyaltyEvents, type LoyaltySettingsInput, type TierChangedData } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { moveTierGroupMembersStep } from "../../src/workflows/loyalty/steps/move-tier-group-members"
import { updateLoyaltyTierWorkflow } from "../../src/workflows/loyalty/update-tier"

jest.setTimeout(180_000)

testAppEnv()
// the daily jobs run only when a test runs them
process.env.PP_LOYALTY_CONFIRM_INTERVAL_MS = String(DAY_MS)
process.env.PP_LOYALTY_TIERS_INTERVAL_MS = String(DAY_MS)
process.env.PP_LOYALTY_EXPIRY_INTERVAL_MS = String(DAY_MS)

/**
 * Two points a euro: the fixture's checkout (€78.95 of items, shipping left
 * out) earns 157 points without a tier, 78.95 × 2 × 1.5 = 236.85, so 236,
 * in Silver.
 */
const programme = (silverGroup: string, goldGroup: string): LoyaltySettingsInput => ({
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 2 }],
  tiers: {
    basis: "points",
    levels: [
      { id: "silver", name: "Silver", threshold: 100, customer_group_id: silverGroup, multiplier: 1.5 },
      { id: "gold", name: "Gold", threshold: 500, customer_group_id: goldGroup, multiplier: 2 },
    ],
  },
})

// the real step and one that fails after it, to see the engine put the memberships back
const failAfterMoveStep = createStep("pp-test-fail-after-tier-move", async () => {
  throw new Error("a later step failed")
})
const moveThenFailWorkflow = createWorkflow("pp-test-move-tier-groups-then-fail", (input: { settings: any }) => {
  moveTierGroupMembersStep({ settings: input.settings })
  failAfterMoveStep()
  return new WorkflowResponse(true)
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)

    /** Anna's groups as Medusa's admin customer API gives them, by name. */
    const groupsOf = async (customerId: string) => {
      const { data } = await api.get(`/admin/customers/${customerId}?fields=id,*groups`, admin)
      return (data.customer.groups as { name: string }[]).map((group) => group.name).sort()
    }

    /** The order is delivered and its return window closed: the daily confirmation confirms its points. */
    const deliverAndConfirm = async (orderId: string) => {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const terms = (await loadOrderReturnTerms(container, [orderId])).get(orderId)!
      await confirmLoyaltyPointsWorkflow(container).run({ input: { now: new Date(new Date(terms.window_closes_at!).getTime() + 60_000).toISOString() } })
    }

    const earnedOn = (orderId: string) =>
      waitFor(async () => (await loyalty().orderLedger(orderId)).find((entry) => entry.type === "earn"), `the points of ${orderId}`)

    it("confirmed points and an adjustment move Anna up into Silver's then Gold's customer group, keeping her other group; Silver earns ×1.5; a year without points moves her down", async () => {
      const container = getContainer()
      const { customer: anna, headers } = await customerHeaders(container, store.publishable_key, "anna.member@example.com")
      const {
        result: [silver, gold, newsletter],
      } = await createCustomerGroupsWorkflow(container).run({
        input: { customersData: [{ name: "Silver members" }, { name: "Gold members" }, { name: "Newsletter" }] },
      })
      await linkCustomerGroupsToCustomerWorkflow(container).run({ input: { id: anna.id, add: [newsletter.id] } })
      await loyalty().saveLoyaltyProgramme({ settings: programme(silver.id, gold.id), by: null })

      const announced: TierChangedData[] = []
      container.resolve(Modules.EVENT_BUS).subscribe(LoyaltyEvents.TIER_CHANGED, async (event: any) => {
        announced.push(event.data)
      })

      // 157 points, pending: no tier yet
      const first = await placeOrder(container, store, { customer_id: anna.id })
      expect((await earnedOn(first)).points).toBe(157)
      expect((await updateLoyaltyTierWorkflow(container).run({ input: { customer_id: anna.id } })).result.changed).toBe(false)
      expect(await groupsOf(anna.id)).toEqual(["Newsletter"])

      // confirmed: over 100 in 12 months, into Silver, through the loyalty.points_confirmed subscriber
      await deliverAndConfirm(first)
      await waitFor(async () => (await loyalty().accountOf(anna.id))?.tier === "silver", "Anna in Silver")
      expect(await groupsOf(anna.id)).toEqual(["Newsletter", "Silver members"])
      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers })
      expect(mine.loyalty).toEqual(
        expect.objectContaining({ tier: { id: "silver", name: "Silver" }, next_tier: { id: "gold", name: "Gold", threshold: 500, remaining: 343 } })
      )

      // in Silver her next order earns ×1.5: 236 points, the rule says so
      const second = await placeOrder(container, store, { customer_id: anna.id })
      const earned = await earnedOn(second)
      expect(earned.points).toBe(236)
      expect(earned.rule).toEqual(expect.objectContaining({ multiplier: 1.5, tier: "silver" }))
      await deliverAndConfirm(second)
      await waitFor(async () => (await loyalty().pointsEarnedSince(anna.id, addMonths(new Date(), -12))) === 393, "393 points confirmed")
      expect((await loyalty().accountOf(anna.id))!.tier).toBe("silver")

      // an admin gives 150 points: 543 in 12 months, into Gold, out of Silver's group, still in her newsletter group
      const given = await api.post(`/admin/post-purchase/customers/${anna.id}/loyalty/adjustments`, { points: 150, reason: "Store event" }, admin)
      expect(given.status).toBe(200)
      const account = (await loyalty().accountOf(anna.id))!
      expect(account.tier).toBe("gold")
      expect(await groupsOf(anna.id)).toEqual(["Gold members", "Newsletter"])
      const adminView = (await api.get(`/admin/post-purchase/customers/${anna.id}/loyalty`, admin)).data
      expect(adminView.tier_progress).toEqual({ tier: { id: "gold", name: "Gold" }, next_tier: null, earned_in_window: 543, window_months: 12 })

      // every run again changes nothing
      expect((await updateLoyaltyTierWorkflow(container).run({ input: { customer_id: anna.id } })).result.changed).toBe(false)
      expect(await updateLoyaltyTiers(container)).toEqual({ moved: 0 })

      // 11 months on she is still Gold; 13 months on nothing she earned is in the window: the daily job moves her down
      expect(await updateLoyaltyTiers(container, { now: addMonths(new Date(), 11) })).toEqual({ moved: 0 })
      const later = addMonths(new Date(), 13)
      expect(await updateLoyaltyTiers(container, { now: later })).toEqual({ moved: 1 })
      expect((await loyalty().accountOf(anna.id))!.tier).toBeNull()
      expect(await groupsOf(anna.id)).toEqual(["Newsletter"])
      expect(await updateLoyaltyTiers(container, { now: later })).toEqual({ moved: 0 })

      await waitFor(async () => announced.length >= 3, "three tier changes")
      expect(announced).toEqual([
        { customer_id: anna.id, from: null, to: "silver", direction: "up" },
        { customer_id: anna.id, from: "silver", to: "gold", direction: "up" },
        { customer_id: anna.id, from: "gold", to: null, direction: "down" },
      ])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a tier mapped to another group moves its members there, a removed tier takes them out of its group, other groups stay; a deleted tier group leaves adjustments and the tier job working and is flagged in the settings", async () => {
      const container = getContainer()
      const { customer: anna } = await customerHeaders(container, store.publishable_key, "anna.member@example.com")
      const { customer: ben } = await customerHeaders(container, store.publishable_key, "ben.member@example.com")
      const {
        result: [silver, gold, newsletter, silver2027],
      } = await createCustomerGroupsWorkflow(container).run({
        input: { customersData: [{ name: "Silver members" }, { name: "Gold members" }, { name: "Newsletter" }, { name: "Silver 2027" }] },
      })
      await linkCustomerGroupsToCustomerWorkflow(container).run({ input: { id: anna.id, add: [newsletter.id] } })
      const settings = programme(silver.id, gold.id)
      expect((await api.post("/admin/post-purchase/loyalty/settings", settings, admin)).status).toBe(200)
      const adjust = (customerId: string, points: number) =>
        api.post(`/admin/post-purchase/customers/${customerId}/loyalty/adjustments`, { points, reason: "Store event" }, admin)
      await adjust(anna.id, 150)
      await adjust(ben.id, 600)
      expect(await groupsOf(anna.id)).toEqual(["Newsletter", "Silver members"])
      expect(await groupsOf(ben.id)).toEqual(["Gold members"])

      const remapped = {
        ...settings,
        tiers: { ...settings.tiers!, levels: [{ ...settings.tiers!.levels![0], customer_group_id: silver2027.id }] },
      }
      // a save that fails after moving them puts every membership back
      const failed = await moveThenFailWorkflow(container).run({ input: { settings: remapped }, throwOnError: false })
      expect(failed.errors.map((error: any) => error.error.message)).toEqual(["a later step failed"])
      expect(await groupsOf(anna.id)).toEqual(["Newsletter", "Silver members"])
      expect(await groupsOf(ben.id)).toEqual(["Gold members"])

      // Silver now maps to "Silver 2027", Gold is gone: Anna moves group and keeps her newsletter; Ben leaves Gold's group
      expect((await api.post("/admin/post-purchase/loyalty/settings", remapped, admin)).status).toBe(200)
      expect(await groupsOf(anna.id)).toEqual(["Newsletter", "Silver 2027"])
      expect(await groupsOf(ben.id)).toEqual([])
      expect((await loyalty().accountOf(anna.id))!.tier).toBe("silver")

      // the shop deletes "Silver 2027" in Medusa: the settings flag it, adjustments and the tier job still run, Anna stays Silver
      await deleteCustomerGroupsWorkflow(container).run({ input: { ids: [silver2027.id] } })
      const flagged = (await api.get("/admin/post-purchase/loyalty/settings", admin)).data
      expect(flagged.missing_customer_groups).toEqual([{ tier_id: "silver", path: "tiers.levels.0.customer_group_id", customer_group_id: silver2027.id }])
      const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
      const warn = jest.spyOn(logger, "warn")
      try {
        const given = await adjust(anna.id, 10)
        expect(given.status).toBe(200)
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`loyalty tier "silver" maps to customer group ${silver2027.id}, which no longer exists`))
        // Ben, still on the removed Gold tier, moves down to Silver: without its deleted group
        expect(await updateLoyaltyTiers(container)).toEqual({ moved: 1 })
      } finally {
        warn.mockRestore()
      }
      const account = (await loyalty().accountOf(anna.id))!
      expect(account.tier).toBe("silver")
      expect(account.available).toBe(160)
      expect(await groupsOf(anna.id)).toEqual(["Newsletter"])
      // nobody was linked to the deleted group since (Medusa's soft delete leaves Anna's earlier row)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const links = await pg("customer_group_customer").where({ customer_group_id: silver2027.id }).whereNull("deleted_at")
      expect(links.map((link: { customer_id: string }) => link.customer_id)).toEqual([anna.id])
      expect((await loyalty().accountOf(ben.id))!.tier).toBe("silver")
      expect(await groupsOf(ben.id)).toEqual([])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
