import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCustomersWorkflow, deleteCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import { LoyaltyEvents } from "../../src/modules/loyalty/events"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import type { LoyaltySettingsInput } from "../../src/modules/loyalty/settings"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { redeemLoyaltyRewardWorkflow } from "../../src/workflows/loyalty/redeem-reward"
import { setCustomerLocaleWorkflow } from "../../src/workflows/customer-preferences/set-customer-locale"
import { DAY_MS, dispatch, followupService, freshTestStore, readMailbox, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"

jest.setTimeout(180_000)

const mailbox = testAppEnv()
// the daily confirmation runs only when a test runs it
process.env.PP_LOYALTY_CONFIRM_INTERVAL_MS = String(DAY_MS)

/** Ten points a euro: the fixture's order (€78.95 of items) earns 789 points; the €5 reward costs 1,000. */
const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 10 }],
  rewards: [{ id: "five-off", name: "€5 off", points_cost: 1000, discount: { kind: "fixed", value: 5, currency_code: "eur" } }],
  tiers: {
    basis: "points",
    levels: [
      { id: "silver", name: "Silver", threshold: 500, multiplier: 1.25 },
      { id: "gold", name: "Gold", threshold: 2000, multiplier: 1.5 },
    ],
  },
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const followupsOfFlow = (flow: string) => followupService(getContainer()).listFollowups({ flow }, { order: { created_at: "ASC" } })
    /** The flow's follow-up once the subscriber has scheduled it. */
    const scheduled = (flow: string) => waitFor(async () => (await followupsOfFlow(flow))[0], `the ${flow} follow-up`)
    const emailsOf = (flow: string) => readMailbox(mailbox).filter((email) => email.flow === flow)

    it("Anna's confirmed points and her redeemed reward each bring their email, in her order's language, with her numbers and her exact code", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      // only a registered customer collects points; Medusa keeps her apart from the fixture's guest record of the same email
      const {
        result: [member],
      } = await createCustomersWorkflow(container).run({
        input: { customersData: [{ email: store.customer.email, first_name: "Anna", last_name: "de Vries", has_account: true }] },
      })
      const anna = member.id as string
      const orderId = await placeOrder(container, store, { customer_id: anna, locale: "nl-NL" })
      await waitFor(async () => (await loyalty().orderLedger(orderId)).length > 0, "the earn entry")
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const closes = new Date((await loadOrderReturnTerms(container, [orderId])).get(orderId)!.window_closes_at!)

      await confirmLoyaltyPointsWorkflow(container).run({ input: { now: new Date(closes.getTime() + 60_000).toISOString() } })
      const earned = await scheduled("loyalty-points-earned")
      expect(earned).toEqual(expect.objectContaining({ order_id: orderId, customer_id: anna, email: store.customer.email }))
      await dispatch(container)
      const [email] = emailsOf("loyalty-points-earned")
      expect(email.meta.to).toBe(store.customer.email)
      // the order was placed in the Dutch storefront: its language, not the shop default
      expect(earned.locale).toMatch(/^nl/)
      expect(email.meta.subject).toMatch(/^Je punten van bestelling #\d+ kun je nu besteden$/)
      expect(email.text).toContain("789 punten van bestelling")
      expect(email.text).toContain("Je hebt nu 789 punten te besteden.")
      expect(email.text).toContain("Nog 211 punten en je kunt €5 off krijgen.")
      expect(email.html).toMatch(/href="[^"]*\/account\/loyalty"/)
      // transactional: no unsubscribe link
      expect(email.html).not.toMatch(/unsubscribe/i)

      // 211 points more and she swaps 1,000 for the €5 reward
      await loyalty().recordEntries([
        { customer_id: anna, type: "adjust", points: 211, available_delta: 211, pending_delta: 0, lifetime_delta: 211, reason: "Goodwill", idempotency_key: "test:goodwill" },
      ])
      const { result } = await redeemLoyaltyRewardWorkflow(container).run({ input: { customer_id: anna, reward_id: "five-off" } })
      const reward = await scheduled("loyalty-reward-code")
      expect(reward).toEqual(expect.objectContaining({ order_id: null, customer_id: anna }))
      await dispatch(container)
      const [code] = emailsOf("loyalty-reward-code")
      expect(code.meta.subject).toBe("Your reward code from Acme Outfitters")
      expect(code.html).toContain(`data-code="${result.reward.code}"`)
      expect(code.text).toContain(result.reward.code)
      expect(code.text).toContain("€5 off: €5.00 off your order")
      expect(code.text).toContain("Single use, for your account only.")
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a tier change, expiring points and a referral each send their account email with no order, in the member's language, and list in the admin", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      await setCustomerLocaleWorkflow(container).run({ input: { customer_id: store.customer.id, locale: "de-DE" } })
      const bus = container.resolve(Modules.EVENT_BUS)
      await bus.emit([
        { name: LoyaltyEvents.TIER_CHANGED, data: { customer_id: store.customer.id, from: "silver", to: "gold", direction: "up" } },
        { name: LoyaltyEvents.POINTS_EXPIRING, data: { customer_id: store.customer.id, points: 150, expires_at: "2027-01-31T00:00:00.000Z" } },
        { name: LoyaltyEvents.REFERRAL_SUCCEEDED, data: { referrer_customer_id: store.customer.id, order_id: "order_friend", points: 200, entry_id: "pple_referral" } },
      ])
      for (const flow of ["loyalty-tier-changed", "loyalty-points-expiring", "loyalty-referral-success"]) {
        expect(await scheduled(flow)).toEqual(expect.objectContaining({ order_id: null, customer_id: store.customer.id, locale: "de-DE" }))
      }
      // the event bus redelivering an event schedules nothing more
      await bus.emit([{ name: LoyaltyEvents.POINTS_EXPIRING, data: { customer_id: store.customer.id, points: 150, expires_at: "2027-01-31T00:00:00.000Z" } }])
      await dispatch(container)
      expect(await followupsOfFlow("loyalty-points-expiring")).toHaveLength(1)

      const [tier] = emailsOf("loyalty-tier-changed")
      expect(tier.text).toContain("Willkommen bei Gold!")
      expect(tier.text).toContain("Als Gold-Mitglied sammelst du bei jeder Bestellung 1.5× so viele Punkte.")
      const [expiring] = emailsOf("loyalty-points-expiring")
      expect(expiring.text).toContain("150 Punkte verfallen am 31. Januar 2027.")
      const [referral] = emailsOf("loyalty-referral-success")
      expect(referral.text).toContain("200 Punkte sind für dich unterwegs")
      expect(referral.text).not.toContain("order_friend")
      for (const email of [tier, expiring, referral]) {
        expect(email.meta.data.order_id).toBeNull()
        expect(email.html).not.toMatch(/unsubscribe|abmelden/i)
      }

      const { status, data } = await api.get("/admin/post-purchase/followups?limit=50", admin)
      expect(status).toBe(200)
      const rows = data.followups.filter((row: any) => row.flow.startsWith("loyalty-"))
      expect(rows).toHaveLength(3)
      for (const row of rows) {
        expect(row).toEqual(expect.objectContaining({ order_id: null, customer_id: store.customer.id, order_display_id: null, status: "sent" }))
      }
      const flows = (await api.get("/admin/post-purchase/flows", admin)).data.flows
      expect(flows.find((flow: any) => flow.key === "loyalty-reward-code")).toEqual(
        expect.objectContaining({ category: "transactional", about: "account", trigger: "loyalty", due_rule: "When a member redeems a reward" })
      )
    })

    it("an account flow switched off sends nothing, and a deleted customer's email is skipped with the reason", async () => {
      const container = getContainer()
      const bus = container.resolve(Modules.EVENT_BUS)
      // due, then the admin switches the flow off before it goes
      await bus.emit([{ name: LoyaltyEvents.POINTS_EXPIRING, data: { customer_id: store.customer.id, points: 40, expires_at: "2027-02-28T00:00:00.000Z" } }])
      const pending = await scheduled("loyalty-points-expiring")
      expect((await api.post("/admin/post-purchase/flows/loyalty-points-expiring", { enabled: false }, admin)).status).toBe(200)
      // switched off: a new event schedules nothing at all
      await bus.emit([{ name: LoyaltyEvents.POINTS_EXPIRING, data: { customer_id: store.customer.id, points: 60, expires_at: "2027-03-31T00:00:00.000Z" } }])

      await bus.emit([{ name: LoyaltyEvents.REFERRAL_SUCCEEDED, data: { referrer_customer_id: store.customer.id, order_id: "order_friend", points: 200, entry_id: "pple_gone" } }])
      const orphan = await scheduled("loyalty-referral-success")
      await deleteCustomersWorkflow(container).run({ input: { ids: [store.customer.id] } })

      await dispatch(container)
      const service = followupService(container)
      expect(await service.retrieveFollowup(pending.id)).toEqual(expect.objectContaining({ status: "skipped", status_reason: "The flow was switched off" }))
      expect(await followupsOfFlow("loyalty-points-expiring")).toHaveLength(1)
      expect(await service.retrieveFollowup(orphan.id)).toEqual(expect.objectContaining({ status: "skipped", status_reason: "The customer no longer exists" }))
      expect(readMailbox(mailbox).filter((email) => email.flow.startsWith("loyalty-"))).toEqual([])
    })
  },
})
