import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  beginClaimOrderWorkflow,
  cancelOrderWorkflow,
  confirmClaimRequestWorkflow,
  createCustomersWorkflow,
  orderClaimAddNewItemWorkflow,
  orderClaimRequestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  deliverFulfillment,
  exchangeItems,
  fulfillOrder,
  placeOrder,
  receiveReturn,
  requestReturn,
  shipFulfillment,
  type SeededStore,
} from "../../scripts/fixtures/store"
import { DAY_MS, followupService, followupsOf, freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"
import { reconcile } from "../../src/lib/reconcile"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE, LoyaltyEvents, type LoyaltySettingsInput } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { earnOrderPointsWorkflow } from "../../src/workflows/loyalty/earn-order-points"
import { revertRefundedPointsWorkflow } from "../../src/workflows/loyalty/revert-refunded-points"
import { revertReturnedPointsWorkflow } from "../../src/workflows/loyalty/revert-returned-points"
import { findConfirmablePointsStep } from "../../src/workflows/loyalty/steps/find-confirmable-points"
import { planLoyaltyConfirmationsStep } from "../../src/workflows/loyalty/steps/plan-loyalty-confirmations"
import { planOrderEarningStep } from "../../src/workflows/loyalty/steps/plan-order-earning"
import { recordOrderPointsStep } from "../../src/workflows/loyalty/steps/record-order-points"

jest.setTimeout(180_000)

testAppEnv()
// the daily confirmation runs only when a test runs it
process.env.PP_LOYALTY_CONFIRM_INTERVAL_MS = String(DAY_MS)

const MINUTE_MS = 60 * 1000

/**
 * Ten points a euro. The fixture's checkout buys a Linen Shirt (€49.95) and
 * two bags of coffee beans (2 × €14.50): €78.95 of items, shipping (€4.95)
 * left out, so 789.5 points, rounded down to 789.
 */
const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 10 }],
  tiers: { basis: "points", levels: [{ id: "gold", name: "Gold", threshold: 1000, multiplier: 1.5 }] },
}
const ORDER_POINTS = 789

/** The earning followed by a step that fails: what a bigger workflow that runs it as a step goes through. */
const earnThenFailWorkflow = createWorkflow("pp-test-earn-then-fail", (input: { order_id: string }) => {
  const plan = planOrderEarningStep(input)
  recordOrderPointsStep(transform({ plan }, ({ plan }) => ({ entries: plan.entries })))
  createStep("pp-test-fail", async () => {
    throw new Error("the next step failed")
  })()
  return new WorkflowResponse(plan)
})

/** The daily confirmation followed by a step that fails. */
const confirmThenFailWorkflow = createWorkflow("pp-test-confirm-then-fail", (input: { now: string }) => {
  const found = findConfirmablePointsStep(input)
  recordOrderPointsStep(planLoyaltyConfirmationsStep(found))
  createStep("pp-test-fail-after-confirming", async () => {
    throw new Error("the next step failed")
  })()
  return new WorkflowResponse(found)
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const saveProgramme = (settings: LoyaltySettingsInput) => loyalty().saveLoyaltyProgramme({ settings, by: null })
    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)

    /** Anna registers in the storefront: Medusa keeps a registered customer apart from the guest record of the same email. */
    async function registerAnna() {
      const {
        result: [member],
      } = await createCustomersWorkflow(getContainer()).run({
        input: { customersData: [{ email: store.customer.email, first_name: "Anna", last_name: "de Vries", has_account: true }] },
      })
      return member.id as string
    }

    const balances = async (customerId: string) => {
      const account = await loyalty().accountOf(customerId)
      return account && { available: account.available, pending: account.pending, lifetime: account.lifetime }
    }

    /** The order's ledger once the subscriber has written an entry of `type` (the n-th one). */
    const ledgerWith = (orderId: string, type: string, count = 1) =>
      waitFor(async () => {
        const entries = await loyalty().orderLedger(orderId)
        return entries.filter((entry) => entry.type === type).length >= count && entries
      }, `${count} ${type} entries of ${orderId}`)

    const lines = (entries: { type: string; points: number; reason: string }[]) => entries.map((e) => [e.type, e.points, e.reason])


    const displayIdOf = async (orderId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["display_id", "items.id", "items.variant_id"], filters: { id: orderId } })
      return order
    }

    const deliver = async (orderId: string) => {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
    }

    /** Ships and delivers one line item, as an exchange's new item reaches the customer. */
    const deliverItem = async (orderId: string, itemId: string) => {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId, { only: [itemId] })
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
    }

    /** A minute after the order's return window closed, by the returns policy's own answer. */
    const windowClosedAt = async (orderId: string) => {
      const terms = (await loadOrderReturnTerms(getContainer(), [orderId])).get(orderId)!
      expect(terms.window_closes_at).not.toBeNull()
      return new Date(new Date(terms.window_closes_at!).getTime() + MINUTE_MS)
    }

    /**
     * Anna, registered, with an order placed under the programme and its
     * points earned (pending): at 10 a euro 789, in Gold 1184. Its shirt's
     * and coffee's line items.
     */
    const annasOrder = async ({ gold = false }: { gold?: boolean } = {}) => {
      const anna = await registerAnna()
      await saveProgramme(PROGRAMME)
      if (gold) {
        const account = await loyalty().ensureAccount(anna)
        await loyalty().updateLoyaltyAccounts({ id: account.id, tier: "gold" })
      }
      const orderId = await placeOrder(getContainer(), store, { customer_id: anna })
      await ledgerWith(orderId, "earn")
      const { display_id, items } = await displayIdOf(orderId)
      const lineOf = (variant: { id: string }) => items.find((item: any) => item.variant_id === variant.id)!.id as string
      return { anna, orderId, display_id, shirt: lineOf(store.variants[0]), coffee: lineOf(store.variants[3]) }
    }

    /** Anna, a Gold member (78.95 × 10 × 1.5 = 1184.25, so 1184 points), with her order delivered. */
    const deliveredGoldOrder = async () => {
      const order = await annasOrder({ gold: true })
      await deliver(order.orderId)
      return order
    }

    const confirmAt = async (now: Date) =>
      (await confirmLoyaltyPointsWorkflow(getContainer()).run({ input: { now: now.toISOString() } })).result.confirmed

    it("a member's order earns pending points by the shop's rate and their tier; guests, a switched-off programme and a currency without a rate earn nothing", async () => {
      const container = getContainer()
      const anna = await registerAnna()

      // switched off (as it is until the shop saves it): the order is placed, nothing is earned
      const whileOff = await placeOrder(container, store, { customer_id: anna })
      await followupsOf(container, whileOff, 1)
      const off = await earnOrderPointsWorkflow(container).run({ input: { order_id: whileOff } })
      expect(off.result).toEqual({ entries: [], written: [], skipped: "programme_off" })

      await saveProgramme(PROGRAMME)
      const orderId = await placeOrder(container, store, { customer_id: anna })
      const [earned] = await ledgerWith(orderId, "earn")
      const { display_id } = await displayIdOf(orderId)
      expect(earned).toEqual(
        expect.objectContaining({ customer_id: anna, points: ORDER_POINTS, pending_delta: ORDER_POINTS, available_delta: 0, reason: `Order #${display_id}` })
      )
      expect(earned.rule).toEqual(expect.objectContaining({ points_per_unit: 10, multiplier: 1, tier: null, base_amount: 78.95, shipping_amount: 0 }))
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })
      // the account through the customer, in query.graph
      const {
        data: [customer],
      } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "customer", fields: ["id", "loyalty_account.pending", "loyalty_account.referral_code"], filters: { id: anna } })
      expect(customer.loyalty_account).toEqual(expect.objectContaining({ pending: ORDER_POINTS, referral_code: expect.stringMatching(/^[A-Z2-9]{8}$/) }))
      // order.placed delivered twice earns once
      await earnOrderPointsWorkflow(container).run({ input: { order_id: orderId } })
      expect(await loyalty().orderLedger(orderId)).toHaveLength(1)

      // in the Gold tier the next order earns 1.5 times: 78.95 × 10 × 1.5 = 1184.25
      const account = await loyalty().accountOf(anna)
      await loyalty().updateLoyaltyAccounts({ id: account!.id, tier: "gold" })
      const goldOrder = await placeOrder(container, store, { customer_id: anna })
      const [gold] = await ledgerWith(goldOrder, "earn")
      expect(gold.points).toBe(1184)
      expect(gold.rule).toEqual(expect.objectContaining({ multiplier: 1.5, tier: "gold" }))

      // the guest record Anna checked out with before she registered has no account
      const guestOrder = await placeOrder(container, store)
      await followupsOf(container, guestOrder, 1)
      const guest = await earnOrderPointsWorkflow(container).run({ input: { order_id: guestOrder } })
      expect(guest.result.skipped).toBe("guest")

      // the shop earns in dollars only: a euro order earns nothing
      await saveProgramme({ ...PROGRAMME, earn_rates: [{ currency_code: "usd", points_per_unit: 10 }] })
      const noRateOrder = await placeOrder(container, store, { customer_id: anna })
      await followupsOf(container, noRateOrder, 1)
      const noRate = await earnOrderPointsWorkflow(container).run({ input: { order_id: noRateOrder } })
      expect(noRate.result.skipped).toBe("no_rate")

      // by now every subscriber has long run: none of them wrote anything
      for (const id of [whileOff, guestOrder, noRateOrder]) {
        expect({ id, entries: await loyalty().orderLedger(id) }).toEqual({ id, entries: [] })
      }
      expect(await loyalty().accountOf(store.customer.id)).toBeNull()
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS + 1184, lifetime: 0 })

      // a workflow that fails after earning appends the opposite entry, and never undoes what an earlier run wrote
      await saveProgramme(PROGRAMME)
      const failed = await earnThenFailWorkflow(container).run({ input: { order_id: whileOff }, throwOnError: false })
      expect(failed.errors.map((e) => e.error.message)).toEqual(["the next step failed"])
      const { display_id: whileOffNumber } = await displayIdOf(whileOff)
      expect(lines(await loyalty().orderLedger(whileOff))).toEqual([
        // Anna is in the Gold tier by now
        ["earn", 1184, `Order #${whileOffNumber}`],
        ["revert", -1184, `Undone (the workflow failed): Order #${whileOffNumber}`],
      ])
      await earnThenFailWorkflow(container).run({ input: { order_id: orderId }, throwOnError: false })
      expect(await loyalty().orderLedger(orderId)).toHaveLength(1)
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS + 1184, lifetime: 0 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("an order whose order.placed was missed earns its points from the reconciliation, once", async () => {
      const container = getContainer()
      const anna = await registerAnna()
      await saveProgramme(PROGRAMME)
      // the plugin has handled an order before: the reconciliation looks back no further than that
      await followupsOf(container, await placeOrder(container, store), 1)

      // a database blip as the next order is placed: its follow-ups and its points both fail
      const blip = () => new Error("Connection terminated unexpectedly")
      const followupsFail = jest.spyOn(followupService(container), "createMissingFollowups").mockRejectedValueOnce(blip())
      const pointsFail = jest.spyOn(loyalty(), "recordEntries").mockRejectedValueOnce(blip())
      const missed = await placeOrder(container, store, { customer_id: anna })
      await waitFor(async () => followupsFail.mock.calls.length > 0 && pointsFail.mock.calls.length > 0, "both subscribers to run")
      await new Promise((resolve) => setTimeout(resolve, 300))
      followupsFail.mockRestore()
      pointsFail.mockRestore()
      expect(await loyalty().orderLedger(missed)).toEqual([])

      const later = () => new Date(Date.now() + 10 * MINUTE_MS)
      const result = await reconcile(container, later())
      expect(result).toEqual(expect.objectContaining({ order_ids: [missed], earned: [missed] }))
      expect(lines(await loyalty().orderLedger(missed))).toEqual([["earn", ORDER_POINTS, `Order #${(await displayIdOf(missed)).display_id}`]])
      // the next pass has nothing left to do
      expect(await reconcile(container, later())).toEqual(expect.objectContaining({ order_ids: [], earned: [] }))
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a refund of the payment takes back the refunded share of the points, beyond the items returned, once per refund", async () => {
      const container = getContainer()
      const { anna, orderId, display_id, shirt } = await annasOrder()
      const {
        data: [order],
      } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
      const paymentId = (order as any).payment_collections[0].payments[0].id as string
      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)

      // €14.50 back as goodwill: its share of the €83.90 paid, 789 × 14.50 / 83.90 = 136.4, so 136
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 14.5 }, admin)
      await ledgerWith(orderId, "revert")
      // the shirt comes back: its return takes its 499 (789 × 49.95 / 78.95); its €49.95 refunded takes nothing more
      await deliver(orderId)
      await receiveReturn(container, await requestReturn(container, orderId, [{ id: shirt, quantity: 1 }]))
      await ledgerWith(orderId, "revert", 2)
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 49.95 }, admin)
      // run again by hand: it waits for the subscriber's run (the order's lock) and finds every refund counted
      expect((await revertRefundedPointsWorkflow(container).run({ input: { order_id: orderId } })).result).toEqual([])
      expect(lines((await loyalty().orderLedger(orderId)).filter((entry) => entry.type === "revert"))).toEqual([
        ["revert", -136, `Order #${display_id} was refunded`],
        ["revert", -499, `Items of order #${display_id} were returned`],
      ])
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS - 136 - 499, lifetime: 0 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("points are confirmed once the return window has closed, not before and once only; a canceled order's points are taken back", async () => {
      const container = getContainer()
      const anna = await registerAnna()
      await saveProgramme(PROGRAMME)

      const canceled = await placeOrder(container, store, { customer_id: anna })
      await ledgerWith(canceled, "earn")
      await cancelOrderWorkflow(container).run({ input: { order_id: canceled } })
      const canceledLedger = await ledgerWith(canceled, "revert")
      const { display_id: canceledNumber } = await displayIdOf(canceled)
      expect(lines(canceledLedger)).toEqual([
        ["earn", ORDER_POINTS, `Order #${canceledNumber}`],
        ["revert", -ORDER_POINTS, `Order #${canceledNumber} was canceled`],
      ])
      expect(canceledLedger[1]).toEqual(expect.objectContaining({ pending_delta: -ORDER_POINTS, available_delta: 0, lifetime_delta: 0 }))
      expect(await balances(anna)).toEqual({ available: 0, pending: 0, lifetime: 0 })

      const orderId = await placeOrder(container, store, { customer_id: anna })
      await ledgerWith(orderId, "earn")
      // not delivered: the window has not started, however late it is
      expect(await confirmAt(new Date(Date.now() + 365 * DAY_MS))).toEqual([])

      await deliver(orderId)
      const terms = (await loadOrderReturnTerms(container, [orderId])).get(orderId)!
      // no returns policy saved: the EU's 14 days from the delivery
      expect(terms.window_closes_at).not.toBeNull()
      const closes = new Date(terms.window_closes_at!)
      expect(await confirmAt(new Date(closes.getTime() - MINUTE_MS))).toEqual([])
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })

      const announced: unknown[] = []
      container.resolve(Modules.EVENT_BUS).subscribe(LoyaltyEvents.POINTS_CONFIRMED, async (event: any) => {
        announced.push(event.data)
      })
      const [confirmed] = await confirmAt(new Date(closes.getTime() + MINUTE_MS))
      const expected = { customer_id: anna, order_id: orderId, points: ORDER_POINTS, entry_id: expect.stringMatching(/^pple_/) }
      expect(confirmed).toEqual(expected)
      expect(await balances(anna)).toEqual({ available: ORDER_POINTS, pending: 0, lifetime: ORDER_POINTS })
      // the job running again (or twice at once) confirms nothing more, and announces nothing more
      expect(await confirmAt(new Date(closes.getTime() + 2 * MINUTE_MS))).toEqual([])
      await waitFor(async () => announced.length > 0, "loyalty.points_confirmed")
      expect(announced).toEqual([expected])
      const { display_id } = await displayIdOf(orderId)
      expect(lines(await loyalty().orderLedger(orderId))).toEqual([
        ["earn", ORDER_POINTS, `Order #${display_id}`],
        ["confirm", ORDER_POINTS, `Order #${display_id}: its return window has closed`],
      ])
      expect(await balances(anna)).toEqual({ available: ORDER_POINTS, pending: 0, lifetime: ORDER_POINTS })

      // the admin's order view
      const view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      expect(view).toEqual(
        expect.objectContaining({ customer_id: anna, earned: ORDER_POINTS, confirmed: ORDER_POINTS, pending: 0, reverted: 0 })
      )
      expect(view.entries.map((e: any) => e.type)).toEqual(["earn", "confirm"])
      const canceledView = (await api.get(`/admin/post-purchase/orders/${canceled}/loyalty`, admin)).data
      expect(canceledView).toEqual(expect.objectContaining({ earned: ORDER_POINTS, confirmed: 0, pending: 0, reverted: ORDER_POINTS }))
      expect(canceledView.entries.map((e: any) => [e.type, e.points])).toEqual([
        ["earn", ORDER_POINTS],
        ["revert", -ORDER_POINTS],
      ])
      expect((await refused(api.get(`/admin/post-purchase/orders/order_01JDZ9Q4J1K2M3N4P5Q6R7S8T9/loyalty`, admin))).status).toBe(404)
      const bad = await refused(api.get(`/admin/post-purchase/orders/${orderId}/loyalty?limit=5`, admin))
      expect(bad.status).toBe(400)

      // order.placed handled after the cancellation earns nothing
      expect((await earnOrderPointsWorkflow(container).run({ input: { order_id: canceled } })).result.skipped).toBe("canceled")
      expect(await loyalty().orderLedger(canceled)).toHaveLength(2)
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a workflow failing after it wrote points undoes them and frees their keys: the rerun earns and confirms the order's points after all", async () => {
      const container = getContainer()
      const anna = await registerAnna()
      // placed while the programme is off, so order.placed earns nothing and the failing workflow is the first to write
      const orderId = await placeOrder(container, store, { customer_id: anna })
      await followupsOf(container, orderId, 1)
      await saveProgramme(PROGRAMME)

      const failed = await earnThenFailWorkflow(container).run({ input: { order_id: orderId }, throwOnError: false })
      expect(failed.errors.map((e) => e.error.message)).toEqual(["the next step failed"])
      expect(await balances(anna)).toEqual({ available: 0, pending: 0, lifetime: 0 })
      // order.placed delivered again: the order earns its points after all
      const rerun = await earnOrderPointsWorkflow(container).run({ input: { order_id: orderId } })
      expect(rerun.result.entries).toEqual([expect.objectContaining({ type: "earn", points: ORDER_POINTS })])
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })

      await deliver(orderId)
      const closes = new Date((await loadOrderReturnTerms(container, [orderId])).get(orderId)!.window_closes_at!)
      const failedConfirm = await confirmThenFailWorkflow(container).run({
        input: { now: new Date(closes.getTime() + MINUTE_MS).toISOString() },
        throwOnError: false,
      })
      expect(failedConfirm.errors.map((e) => e.error.message)).toEqual(["the next step failed"])
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })
      // the next run of the daily job confirms them, and announces it
      expect(await confirmAt(new Date(closes.getTime() + 2 * MINUTE_MS))).toEqual([
        { customer_id: anna, order_id: orderId, points: ORDER_POINTS, entry_id: expect.stringMatching(/^pple_/) },
      ])
      expect(await balances(anna)).toEqual({ available: ORDER_POINTS, pending: 0, lifetime: ORDER_POINTS })
      expect(await confirmAt(new Date(closes.getTime() + 3 * MINUTE_MS))).toEqual([])

      const { display_id } = await displayIdOf(orderId)
      const closed = `Order #${display_id}: its return window has closed`
      expect(lines(await loyalty().orderLedger(orderId))).toEqual([
        ["earn", ORDER_POINTS, `Order #${display_id}`],
        ["revert", -ORDER_POINTS, `Undone (the workflow failed): Order #${display_id}`],
        ["earn", ORDER_POINTS, `Order #${display_id}`],
        ["confirm", ORDER_POINTS, closed],
        // undoing a confirmation takes nothing: the points went back to pending
        ["revert", 0, `Undone (the workflow failed): ${closed}`],
        ["confirm", ORDER_POINTS, closed],
      ])
      // the admin's view of the order counts what it earned once: the undone lines cancel out
      const view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      expect(view).toEqual(expect.objectContaining({ earned: ORDER_POINTS, confirmed: ORDER_POINTS, pending: 0, reverted: 0 }))
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a return takes back its items' share by the order's own rule; after the points were spent the balance goes negative, in the ledger", async () => {
      const container = getContainer()
      const { anna, orderId, display_id, shirt, coffee } = await annasOrder()

      // the shop lowers its rate to a point a euro: the order keeps the rule it earned under
      await saveProgramme({ ...PROGRAMME, earn_rates: [{ currency_code: "eur", points_per_unit: 1 }] })
      await deliver(orderId)

      // one bag of coffee (€14.50 of €78.95) back: 789 × 14.50 / 78.95 = 144.9, so 145 points (today's rate would say 14)
      await receiveReturn(container, await requestReturn(container, orderId, [{ id: coffee, quantity: 1 }]))
      let ledger = await ledgerWith(orderId, "revert")
      expect(ledger[1]).toEqual(
        expect.objectContaining({ type: "revert", points: -145, pending_delta: -145, available_delta: 0, reason: `Items of order #${display_id} were returned` })
      )
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS - 145, lifetime: 0 })

      const terms = (await loadOrderReturnTerms(container, [orderId])).get(orderId)!
      await confirmAt(new Date(new Date(terms.window_closes_at!).getTime() + MINUTE_MS))
      expect(await balances(anna)).toEqual({ available: 644, pending: 0, lifetime: 644 })

      // Anna spends 600 of them on a reward
      await loyalty().recordEntries(
        [{ customer_id: anna, type: "redeem", points: -600, available_delta: -600, reason: "€60 off", reward_id: "sixty-off" }],
        { requireAvailable: true }
      )
      expect(await balances(anna)).toEqual({ available: 44, pending: 0, lifetime: 644 })

      // the shirt comes back after all (€49.95: 789 × 49.95 / 78.95 = 499.2): its 499 points come off what she has left
      await receiveReturn(container, await requestReturn(container, orderId, [{ id: shirt, quantity: 1 }]))
      ledger = await ledgerWith(orderId, "revert", 2)
      expect(ledger[3]).toEqual(
        expect.objectContaining({ type: "revert", points: -499, pending_delta: 0, available_delta: -499, lifetime_delta: -499 })
      )
      expect(await balances(anna)).toEqual({ available: 44 - 499, pending: 0, lifetime: 644 - 499 })

      // the last bag makes the whole order returned: everything it still held goes
      await receiveReturn(container, await requestReturn(container, orderId, [{ id: coffee, quantity: 1 }]))
      ledger = await ledgerWith(orderId, "revert", 3)
      expect(ledger[4]).toEqual(expect.objectContaining({ points: -145, available_delta: -145, reason: `Order #${display_id} was returned` }))
      expect(await balances(anna)).toEqual({ available: -600, pending: 0, lifetime: 0 })

      // the debt is in her ledger, next to the redemption that caused it
      const { entries } = await loyalty().listLedger(anna, { limit: 10, offset: 0 })
      expect(entries.map((e) => [e.type, e.points])).toEqual([
        ["revert", -145],
        ["revert", -499],
        ["redeem", -600],
        ["confirm", 644],
        ["revert", -145],
        ["earn", ORDER_POINTS],
      ])

      const view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      expect(view).toEqual(expect.objectContaining({ customer_id: anna, earned: ORDER_POINTS, confirmed: 0, pending: 0, reverted: ORDER_POINTS }))
      expect(view.entries.map((e: any) => [e.type, e.points, e.reason])).toEqual([
        ["earn", ORDER_POINTS, `Order #${display_id}`],
        ["revert", -145, `Items of order #${display_id} were returned`],
        ["confirm", 644, `Order #${display_id}: its return window has closed`],
        ["revert", -499, `Items of order #${display_id} were returned`],
        ["revert", -145, `Order #${display_id} was returned`],
      ])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("the return that brings the last item back takes everything the order still holds, so rounding leaves nothing behind", async () => {
      const container = getContainer()
      const { anna, orderId, display_id, shirt, coffee } = await deliveredGoldOrder()

      // each bag: 1184 × 14.50 / 78.95 = 217.45, so 217 (the multiplier is in the points already)
      for (const [n, line] of [
        [1, { id: coffee, quantity: 1 }],
        [2, { id: coffee, quantity: 1 }],
        [3, { id: shirt, quantity: 1 }],
      ] as const) {
        await receiveReturn(container, await requestReturn(container, orderId, [line]))
        await ledgerWith(orderId, "revert", n)
      }
      const reverts = (await loyalty().orderLedger(orderId)).filter((entry) => entry.type === "revert")
      // the shirt's share would be 749 (1184 × 49.95 / 78.95 = 749.1); as the last item back it takes the 750 left
      expect(lines(reverts)).toEqual([
        ["revert", -217, `Items of order #${display_id} were returned`],
        ["revert", -217, `Items of order #${display_id} were returned`],
        ["revert", -750, `Order #${display_id} was returned`],
      ])
      expect(await balances(anna)).toEqual({ available: 0, pending: 0, lifetime: 0 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a return received in two parts takes back each part's share once, and the parts add up to the share of both", async () => {
      const container = getContainer()
      const { anna, orderId, display_id, coffee } = await deliveredGoldOrder()

      // both bags are sent back in one return; the shop receives one, then the other
      const returnId = await requestReturn(container, orderId, [{ id: coffee, quantity: 2 }])
      await receiveReturn(container, returnId, [{ id: coffee, quantity: 1 }])
      // one bag: 1184 × 14.50 / 78.95 = 217.45, so 217
      const [, first] = await ledgerWith(orderId, "revert")
      expect(first).toEqual(
        expect.objectContaining({ points: -217, pending_delta: -217, reason: `Items of order #${display_id} were returned`, metadata: expect.objectContaining({ return_id: returnId, receipts: 1 }) })
      )
      // order.return_received delivered again takes nothing more
      expect((await revertReturnedPointsWorkflow(container).run({ input: { order_id: orderId, return_id: returnId } })).result).toEqual([])

      await receiveReturn(container, returnId, [{ id: coffee, quantity: 1 }])
      // both bags: 1184 × 29.00 / 78.95 = 434.9, so 435 in all: the second receipt takes 218, not another 217
      const [, , second] = await ledgerWith(orderId, "revert", 2)
      expect(second).toEqual(
        expect.objectContaining({ points: -218, pending_delta: -218, metadata: expect.objectContaining({ return_id: returnId, receipts: 2, items: [{ item_id: coffee, quantity: 2 }] }) })
      )
      expect((await revertReturnedPointsWorkflow(container).run({ input: { order_id: orderId, return_id: returnId } })).result).toEqual([])
      expect(lines(await loyalty().orderLedger(orderId))).toEqual([
        ["earn", 1184, `Order #${display_id}`],
        ["revert", -217, `Items of order #${display_id} were returned`],
        ["revert", -218, `Items of order #${display_id} were returned`],
      ])
      expect(await balances(anna)).toEqual({ available: 0, pending: 1184 - 435, lifetime: 0 })
      const view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      expect(view).toEqual(expect.objectContaining({ earned: 1184, reverted: 435, pending: 749, confirmed: 0 }))
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("an exchange takes back the items sent back and earns the new ones, both by the order's own rule and multiplier; the daily job confirms them, also after a late exchange", async () => {
      const container = getContainer()
      const { anna, orderId, display_id, coffee } = await deliveredGoldOrder()

      // by the time of the exchange the shop earns a point a euro and Anna has dropped out of Gold
      await saveProgramme({ ...PROGRAMME, earn_rates: [{ currency_code: "eur", points_per_unit: 1 }] })
      await loyalty().updateLoyaltyAccounts({ id: (await loyalty().accountOf(anna))!.id, tier: null })

      // a bag of coffee (€14.50) for the dearer tote bag (€19.00)
      const tote = store.variants.find((variant) => variant.product_title === "Canvas Tote Bag")!
      const exchange = await exchangeItems(container, orderId, { back: [{ id: coffee, quantity: 1 }], out: [{ variant_id: tote.id, quantity: 1 }] })
      // confirmed, not yet received: it can still be canceled, so nothing moves
      expect(lines(await loyalty().orderLedger(orderId))).toEqual([["earn", 1184, `Order #${display_id}`]])

      await receiveReturn(container, exchange.return_id)
      let ledger = await ledgerWith(orderId, "revert")
      const toteItem = (await displayIdOf(orderId)).items.find((item: any) => item.variant_id === tote.id)!.id
      // the tote earns 19.00 × 10 × 1.5 = 285 (today's rule would say 19); the bag gives back 1184 × 14.50 / 78.95 = 217
      // the two are written together, at one moment: their order among themselves is not told
      expect(lines(ledger.slice(0, 1))).toEqual([["earn", 1184, `Order #${display_id}`]])
      expect(lines(ledger.slice(1)).sort()).toEqual([
        ["earn", 285, `Exchange on order #${display_id}`],
        ["revert", -217, `Items of order #${display_id} were sent back in an exchange`],
      ])
      const toteEarn = ledger.find((entry) => entry.points === 285)!
      expect(toteEarn).toEqual(expect.objectContaining({ pending_delta: 285, metadata: expect.objectContaining({ exchange_id: exchange.exchange_id }) }))
      expect(toteEarn.rule).toEqual(
        expect.objectContaining({ points_per_unit: 10, multiplier: 1.5, tier: "gold", base_amount: 19, unit_values: { [toteItem]: 19 }, shipping_amount: 0 })
      )
      expect(ledger.find((entry) => entry.points === -217)).toEqual(expect.objectContaining({ pending_delta: -217, available_delta: 0 }))
      expect(await balances(anna)).toEqual({ available: 0, pending: 1184 + 285 - 217, lifetime: 0 })
      // the event again, or the workflow run by hand: the exchange counts once
      await revertReturnedPointsWorkflow(container).run({ input: { order_id: orderId, return_id: exchange.return_id } })
      expect(await loyalty().orderLedger(orderId)).toHaveLength(3)

      let view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      expect(view).toEqual(expect.objectContaining({ customer_id: anna, earned: 1184 + 285, reverted: 217, pending: 1252, confirmed: 0 }))
      expect(view.entries.map((e: any) => [e.type, e.points]).sort()).toEqual([
        ["earn", 1184],
        ["earn", 285],
        ["revert", -217],
      ])

      // the order's window counts from the delivery of everything in it: until the tote arrives, nothing is confirmed
      expect(await confirmAt(new Date(Date.now() + 60 * DAY_MS))).toEqual([])
      await deliverItem(orderId, toteItem)
      // then the daily job confirms the order's points, the exchange's with them
      const closed = await windowClosedAt(orderId)
      expect(await confirmAt(closed)).toEqual([expect.objectContaining({ order_id: orderId, points: 1252 })])
      expect(await balances(anna)).toEqual({ available: 1252, pending: 0, lifetime: 1252 })

      // a late exchange, once the points were confirmed: the tote for a Linen Shirt in M (€49.95)
      const shirtM = store.variants[1]
      const late = await exchangeItems(container, orderId, { back: [{ id: toteItem, quantity: 1 }], out: [{ variant_id: shirtM.id, quantity: 1 }] })
      await receiveReturn(container, late.return_id)
      ledger = await ledgerWith(orderId, "revert", 2)
      // the tote gives back what it earned, by its own entry (285), from the confirmed points; the shirt earns
      // 49.95 × 10 × 1.5 = 749.25, so 749, pending again
      expect(lines(ledger.slice(4)).sort()).toEqual([
        ["earn", 749, `Exchange on order #${display_id}`],
        ["revert", -285, `Items of order #${display_id} were sent back in an exchange`],
      ])
      expect(ledger.find((entry) => entry.points === -285)).toEqual(expect.objectContaining({ pending_delta: 0, available_delta: -285, lifetime_delta: -285 }))
      expect(await balances(anna)).toEqual({ available: 1252 - 285, pending: 749, lifetime: 1252 - 285 })
      // once the shirt is delivered and its window closed, the daily job confirms the new points, though the order was confirmed before
      const shirtItem = (await displayIdOf(orderId)).items.find((item: any) => item.variant_id === shirtM.id)!.id
      await deliverItem(orderId, shirtItem)
      const closedAgain = await windowClosedAt(orderId)
      expect(await confirmAt(closedAgain)).toEqual([expect.objectContaining({ order_id: orderId, points: 749 })])
      expect(await confirmAt(new Date(closedAgain.getTime() + DAY_MS))).toEqual([])
      expect(await balances(anna)).toEqual({ available: 1252 - 285 + 749, pending: 0, lifetime: 1252 - 285 + 749 })

      view = (await api.get(`/admin/post-purchase/orders/${orderId}/loyalty`, admin)).data
      // earned = pending + confirmed + reverted: 2218 = 0 + 1716 + 502
      expect(view).toEqual(expect.objectContaining({ earned: 1184 + 285 + 749, reverted: 217 + 285, pending: 0, confirmed: 1716 }))
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a claim changes no points: the damaged item's return takes nothing back and its replacement earns nothing", async () => {
      const container = getContainer()
      const { anna, orderId, shirt } = await annasOrder()
      await deliver(orderId)

      // the shirt arrived torn: the shop takes it back and sends a new one, as the admin records a claim
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [location],
      } = await query.graph({ entity: "stock_location", fields: ["id"] })
      const { result: change } = await beginClaimOrderWorkflow(container).run({ input: { order_id: orderId, type: "replace" } })
      const claimId = change.claim_id!
      const { result: preview } = await orderClaimRequestItemReturnWorkflow(container).run({
        input: { claim_id: claimId, return_id: undefined as unknown as string, location_id: location.id, items: [{ id: shirt, quantity: 1 }] },
      })
      await orderClaimAddNewItemWorkflow(container).run({ input: { claim_id: claimId, items: [{ variant_id: store.variants[0].id, quantity: 1 }] } })
      await confirmClaimRequestWorkflow(container).run({ input: { claim_id: claimId } })
      const returnId = preview.order_change.return_id!
      await receiveReturn(container, returnId)

      // run again by hand: it waits for the subscriber's run (the order's lock) and changes nothing either
      const { result } = await revertReturnedPointsWorkflow(container).run({ input: { order_id: orderId, return_id: returnId } })
      expect(result).toEqual([])
      expect((await loyalty().orderLedger(orderId)).map((entry) => entry.type)).toEqual(["earn"])
      expect(await balances(anna)).toEqual({ available: 0, pending: ORDER_POINTS, lifetime: 0 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
