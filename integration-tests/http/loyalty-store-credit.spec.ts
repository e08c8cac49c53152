import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { STORE_CREDIT_MODULE } from "../../src/lib/store-credit"
import { LOYALTY_MODULE, type LoyaltySettingsInput, type NewLedgerEntry } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { STORE_CREDIT_REWARD_REFERENCE } from "../../src/workflows/loyalty/steps/credit-store-credit-reward"
import { customerHeaders } from "../helpers/admin"
import { followupService, freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"
import { confirmedPoints } from "../helpers/loyalty"
import {
  deliverFulfillment,
  fulfillOrder,
  placeOrder,
  receiveReturn,
  requestReturn,
  shipFulfillment,
  type SeededStore,
} from "../../scripts/fixtures/store"
import revertOrderRefundPointsJob from "../../src/jobs/revert-store-credit-refund-points"

jest.setTimeout(180_000)

testAppEnv()
// this file, and only this file, boots the app with Medusa's official loyalty plugin (see medusa-config.ts)
process.env.PP_WITH_LOYALTY_PLUGIN = "true"

const SETTINGS = "/admin/post-purchase/loyalty/settings"

/** A promotion reward and a store-credit reward: €7.50 on the store-credit account for 600 points. */
const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1 }],
  rewards: [
    { id: "five-off", name: "€5 off", points_cost: 500, discount: { kind: "fixed", value: 5, currency_code: "eur" }, expires_in_days: 90 },
    { id: "credit", name: "€7.50 store credit", points_cost: 600, discount: { kind: "store_credit", value: 7.5, currency_code: "eur" } },
  ],
}

/** The customer's store-credit accounts as the plugin's query graph reads them, with their balances and transactions. */
async function storeCreditAccountsOf(container: MedusaContainer, customerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store_credit_account",
    fields: ["id", "customer_id", "currency_code", "balance", "transactions.*"],
    filters: { customer_id: customerId },
  })
  return data as {
    id: string
    currency_code: string
    balance: number
    transactions: { amount: number; type: string; reference: string; reference_id: string; note: string | null }[]
  }[]
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(LOYALTY_MODULE)
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })

    it("with the loyalty plugin running, Cleo swaps 600 of her 1,000 points for €7.50 on her store-credit account: no code, the ledger line, the balance, twice", async () => {
      const container = getContainer()
      expect(container.hasRegistration(STORE_CREDIT_MODULE)).toBe(true)
      const saved = await api.post(SETTINGS, PROGRAMME, admin)
      expect(saved.status).toBe(200)
      expect(saved.data.store_credit_available).toBe(true)
      expect(saved.data.settings.rewards[1].discount).toEqual({ kind: "store_credit", value: 7.5, currency_code: "eur" })

      // the storefront offers it, since it can be paid out
      const { data: publicView } = await api.get("/store/post-purchase/loyalty/programme", storeHeaders())
      expect(publicView.programme.rewards.map((reward: { id: string }) => reward.id)).toEqual(["five-off", "credit"])

      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      await loyalty().recordEntries(confirmedPoints(cleo.customer.id, "order_cleo_1", 1000))

      const { status, data } = await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "credit" }, { headers: cleo.headers })
      expect(status).toBe(200)
      const [account] = await storeCreditAccountsOf(container, cleo.customer.id)
      expect(data.reward).toEqual({ kind: "store_credit", amount: 7.5, currency_code: "eur", store_credit_account_id: account.id, points_spent: 600 })
      expect(data.loyalty).toEqual({ available: 400, pending: 0, lifetime: 1000 })

      // the plugin's own account, opened for her in euros, holds exactly the reward
      expect(account.currency_code).toBe("eur")
      expect(Number(account.balance)).toBe(7.5)
      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers: cleo.headers })
      const [redeemLine] = mine.loyalty.history
      expect(redeemLine).toEqual(expect.objectContaining({ type: "redeem", points: -600, reward_id: "credit", reason: "€7.50 store credit", promotion_code: null }))
      expect(account.transactions.map((t) => [Number(t.amount), t.type, t.reference, t.reference_id, t.note])).toEqual([
        [7.5, "credit", STORE_CREDIT_REWARD_REFERENCE, redeemLine.id, "€7.50 store credit"],
      ])
      // and the plugin's Store API shows her the balance she can spend at checkout
      const { data: accounts } = await api.get("/store/store-credit-accounts?currency_code=eur", { headers: cleo.headers })
      expect(accounts.store_credit_accounts.map((a: { id: string; balance: number }) => [a.id, Number(a.balance)])).toEqual([[account.id, 7.5]])

      // a second redemption with too few points left is refused, and nothing more is credited
      const refused = await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "credit" }, { headers: cleo.headers }).catch((e) => e.response)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe("Not enough points: 400 available, 600 needed")
      const [after] = await storeCreditAccountsOf(container, cleo.customer.id)
      expect(Number(after.balance)).toBe(7.5)

      // with more points, the same account grows: one account per customer and currency
      await loyalty().recordEntries(confirmedPoints(cleo.customer.id, "order_cleo_2", 200))
      await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "credit" }, { headers: cleo.headers })
      const accountsNow = await storeCreditAccountsOf(container, cleo.customer.id)
      expect(accountsNow.map((a) => [a.id, Number(a.balance)])).toEqual([[account.id, 15]])
      expect(await loyalty().accountOf(cleo.customer.id)).toEqual(expect.objectContaining({ available: 0, lifetime: 1200 }))

      // store credit has no code to mail: of her three rewards, only the €5-off code gets the reward-code email
      await loyalty().recordEntries(confirmedPoints(cleo.customer.id, "order_cleo_3", 500))
      const code = await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "five-off" }, { headers: cleo.headers })
      const rewardEmails = () => followupService(container).listFollowups({ flow: "loyalty-reward-code" })
      await waitFor(async () => (await rewardEmails()).length > 0, "the reward-code email")
      expect((await rewardEmails()).map((followup) => followup.metadata?.code)).toEqual([code.data.reward.code])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("Cleo's order refunded to store credit gives back the refunded share of its points, once per refund, and nothing for a refund that pays for a returned item, made before it arrived", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      await api.post(SETTINGS, PROGRAMME, admin)
      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      // a €49.95 shirt and two €14.50 bags of coffee: 78 points at a point a euro
      const orderId = await placeOrder(container, store, { customer_id: cleo.customer.id, email: "cleo@example.com" })
      await waitFor(async () => (await loyalty().orderLedger(orderId)).some((line) => line.type === "earn"), "the earned points")
      const orderOf = async () => {
        const { data } = await query.graph({
          entity: "order",
          fields: ["id", "display_id", "items.id", "items.variant_id", "summary.*", "payment_collections.payments.id"],
          filters: { id: orderId },
        })
        return data[0] as any
      }
      let order = await orderOf()
      expect((await loyalty().accountOf(cleo.customer.id))?.pending).toBe(78)
      const coffee = order.items.find((item: { variant_id: string }) => item.variant_id === store.variants[3].id).id
      const shirt = order.items.find((item: { variant_id: string }) => item.variant_id === store.variants[0].id).id

      // paid, then one bag of coffee taken off the order by an order edit: €14.50 to give back, which the admin refunds as store credit
      await api.post(`/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, {}, admin)
      // €78.95 and €4.95 shipping
      expect(Number((await orderOf()).summary.paid_total)).toBeCloseTo(83.9, 2)
      await api.post("/admin/order-edits", { order_id: orderId }, admin)
      await api.post(`/admin/order-edits/${orderId}/items/item/${coffee}`, { quantity: 1 }, admin)
      await api.post(`/admin/order-edits/${orderId}/request`, {}, admin)
      await api.post(`/admin/order-edits/${orderId}/confirm`, {}, admin)
      order = await orderOf()
      const due = -Number(order.summary.pending_difference)
      expect(due).toBeCloseTo(14.5, 2)
      await api.post(`/admin/orders/${orderId}/credit-lines`, { amount: -due, reference: "refund", reference_id: orderId }, admin)
      const [account] = await storeCreditAccountsOf(container, cleo.customer.id)
      expect(Number(account.balance)).toBeCloseTo(14.5, 2)

      // the refunded share of what was paid, of the order's 78 points: 78 × 14.50 / 83.90 = 13.5, so 13
      const firstShare = 13
      await revertOrderRefundPointsJob(container)
      const refundLine = (await loyalty().orderLedger(orderId)).filter((line) => line.type === "revert")
      expect(refundLine).toEqual([
        expect.objectContaining({
          points: -firstShare,
          pending_delta: -firstShare,
          available_delta: 0,
          reason: `Order #${order.display_id} was refunded as store credit`,
          metadata: expect.objectContaining({ refunded: due }),
        }),
      ])
      expect((await loyalty().accountOf(cleo.customer.id))?.pending).toBe(78 - firstShare)
      // the next run finds the refund counted
      await revertOrderRefundPointsJob(container)
      expect((await loyalty().orderLedger(orderId)).filter((line) => line.type === "revert")).toHaveLength(1)

      // the shirt is sent back, and the shop refunds it as store credit at once, before it arrives: that refund pays for
      // the returned shirt, whose return takes its points when it arrives, so the refund takes none now
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const returnId = await requestReturn(container, orderId, [{ id: shirt, quantity: 1 }])
      // Medusa owes the money only once the shirt is received; the shop pays it early, as it may
      expect(Number((await orderOf()).summary.pending_difference)).toBeCloseTo(0, 2)
      const dueForReturn = 49.95
      await api.post(`/admin/orders/${orderId}/credit-lines`, { amount: -dueForReturn, reference: "refund", reference_id: orderId }, admin)
      await revertOrderRefundPointsJob(container)
      expect((await loyalty().orderLedger(orderId)).filter((line) => line.type === "revert")).toHaveLength(1)
      // the shirt arrives: its return takes its share (78 × 49.95 / 78.95 = 49), and the refund still nothing
      await receiveReturn(container, returnId)
      await waitFor(async () => (await loyalty().orderLedger(orderId)).filter((line) => line.type === "revert").length === 2, "the return's reversal")
      await revertOrderRefundPointsJob(container)
      const reverts = (await loyalty().orderLedger(orderId)).filter((line) => line.type === "revert")
      expect(reverts.map((line) => line.points)).toEqual([-firstShare, -49])
      expect((await loyalty().accountOf(cleo.customer.id))?.pending).toBe(78 - firstShare - 49)
      const [credited] = await storeCreditAccountsOf(container, cleo.customer.id)
      expect(Number(credited.balance)).toBeCloseTo(14.5 + dueForReturn, 2)
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
