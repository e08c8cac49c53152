import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE, type LoyaltySettingsInput } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { REVIEWS_MODULE } from "../../src/modules/reviews"
import type ReviewsModuleService from "../../src/modules/reviews/service"
import { awardSignupBonusWorkflow } from "../../src/workflows/loyalty/award-signup-bonus"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { applyReviewModerationStep } from "../../src/workflows/reviews/steps/apply-review-moderation"
import { awardReviewBonusStep } from "../../src/workflows/reviews/steps/award-review-bonus"
import { freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"

jest.setTimeout(240_000)

testAppEnv()

const SIGNUP = 50
const FIRST_ORDER = 100
const REVIEW = 25

const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1 }],
  bonuses: { signup: SIGNUP, first_order: FIRST_ORDER, approved_review: REVIEW },
}

/** The moderation as `pp-moderate-reviews` runs it, followed by a step that fails. */
const approveThenFailWorkflow = createWorkflow("pp-test-approve-then-fail", (input: { ids: string[]; by: string }) => {
  const reviews = applyReviewModerationStep(transform({ input }, ({ input }) => ({ ...input, action: "approve" as const })))
  awardReviewBonusStep(transform({ reviews }, ({ reviews }) => ({ action: "approve", reviews: reviews as any[] })))
  createStep("pp-test-fail-after-review-bonus", async () => {
    throw new Error("a later step failed")
  })()
  return new WorkflowResponse(reviews)
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(LOYALTY_MODULE)
    const reviews = (): ReviewsModuleService => getContainer().resolve(REVIEWS_MODULE)
    const guest = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const balances = async (customerId: string) => {
      const account = await loyalty().accountOf(customerId)
      return account && { available: account.available, pending: account.pending, lifetime: account.lifetime }
    }
    const lines = (entries: { type: string; points: number; pending_delta: number; available_delta: number }[]) =>
      entries.map((entry) => [entry.type, entry.points, entry.pending_delta, entry.available_delta])
    const ledgerOf = async (customerId: string) => (await loyalty().listLedger(customerId, { limit: 100, offset: 0 })).entries.reverse()

    /** Registers through the Store API, as a storefront's sign-up form does; the new customer's id. */
    async function register(email: string) {
      const { data: auth } = await api.post("/auth/customer/emailpass/register", { email, password: "supersecret" })
      const { data } = await api.post(
        "/store/customers",
        { email, first_name: "Dana" },
        { headers: { ...guest().headers, authorization: `Bearer ${auth.token}` } }
      )
      return data.customer.id as string
    }

    /** The order's ledger once the subscribers have written `count` entries. */
    const orderLedgerOf = (orderId: string, count: number) =>
      waitFor(async () => {
        const entries = await loyalty().orderLedger(orderId)
        return entries.length >= count && entries
      }, `${count} entries of ${orderId}`)

    it("a registered customer gets the signup bonus once, at once; a member's first order a bonus pending with it, confirmed with it, and none on the next order; a canceled first order takes its bonus back", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })

      const dana = await register("dana@example.com")
      const signup = await waitFor(async () => (await ledgerOf(dana)).length > 0 && ledgerOf(dana), "the signup bonus")
      expect(lines(signup)).toEqual([["bonus", SIGNUP, 0, SIGNUP]])
      // the event delivered again gives nothing more
      await awardSignupBonusWorkflow(container).run({ input: { customer_id: dana } })
      expect(await balances(dana)).toEqual({ available: SIGNUP, pending: 0, lifetime: SIGNUP })
      // a guest checkout's customer record has no account: no bonus
      const {
        result: [guestRecord],
      } = await createCustomersWorkflow(container).run({ input: { customersData: [{ email: "guest@example.com" }] } })
      await awardSignupBonusWorkflow(container).run({ input: { customer_id: guestRecord.id } })
      expect(await loyalty().accountOf(guestRecord.id)).toBeNull()

      const first = await placeOrder(container, store, { customer_id: dana, email: "dana@example.com", items: [{ variant_id: store.variants[0].id, quantity: 1 }] })
      const firstLedger = await orderLedgerOf(first, 2)
      // the €49.95 shirt earns 49 points, pending; the first-order bonus is pending with it
      expect(lines(firstLedger).sort()).toEqual([
        ["bonus", FIRST_ORDER, FIRST_ORDER, 0],
        ["earn", 49, 49, 0],
      ])
      expect(firstLedger.find((entry) => entry.type === "bonus")!.order_id).toBe(first)
      expect(await balances(dana)).toEqual({ available: SIGNUP, pending: 49 + FIRST_ORDER, lifetime: SIGNUP })

      const second = await placeOrder(container, store, { customer_id: dana, email: "dana@example.com", items: [{ variant_id: store.variants[0].id, quantity: 1 }] })
      const secondLedger = await orderLedgerOf(second, 1)
      // give a late bonus the time it would need to show up
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(lines(await loyalty().orderLedger(second))).toEqual([["earn", 49, 49, 0]])
      expect(secondLedger).toHaveLength(1)

      const fulfillmentId = await fulfillOrder(container, first)
      await shipFulfillment(container, first, fulfillmentId)
      await deliverFulfillment(container, first, fulfillmentId)
      const closes = new Date((await loadOrderReturnTerms(container, [first])).get(first)!.window_closes_at!)
      const { result } = await confirmLoyaltyPointsWorkflow(container).run({ input: { now: new Date(closes.getTime() + 60_000).toISOString() } })
      expect(result.confirmed).toEqual([expect.objectContaining({ customer_id: dana, order_id: first, points: 49 + FIRST_ORDER })])
      expect(await balances(dana)).toEqual({ available: SIGNUP + 49 + FIRST_ORDER, pending: 49, lifetime: SIGNUP + 49 + FIRST_ORDER })

      // Eva's first order is canceled: its bonus goes with its points
      const eva = await register("eva@example.com")
      await waitFor(async () => (await balances(eva))?.available === SIGNUP, "Eva's signup bonus")
      const canceled = await placeOrder(container, store, { customer_id: eva, email: "eva@example.com", items: [{ variant_id: store.variants[0].id, quantity: 1 }] })
      await orderLedgerOf(canceled, 2)
      await cancelOrderWorkflow(container).run({ input: { order_id: canceled } })
      const afterCancel = await orderLedgerOf(canceled, 3)
      expect(lines(afterCancel.filter((entry) => entry.type === "revert"))).toEqual([["revert", -(49 + FIRST_ORDER), -(49 + FIRST_ORDER), 0]])
      expect(await balances(eva)).toEqual({ available: SIGNUP, pending: 0, lifetime: SIGNUP })

      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("an approved review gives its registered author the bonus once, and the storefront's list says the review was incentivized; a guest's review gets nothing", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      const dana = await register("dana@example.com")
      await waitFor(async () => (await balances(dana))?.available === SIGNUP, "Dana's signup bonus")

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const itemOf = async (orderId: string) => {
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["id", "customer_id", "items.id", "items.product_id", "items.variant_id"], filters: { id: orderId } })
        return { order, item: (order.items as any[])[0] }
      }
      const danaOrder = await itemOf(
        await placeOrder(container, store, { customer_id: dana, email: "dana@example.com", items: [{ variant_id: store.variants[0].id, quantity: 1 }] })
      )
      const guestOrder = await itemOf(await placeOrder(container, store, { items: [{ variant_id: store.variants[0].id, quantity: 1 }] }))
      const review = (bought: Awaited<ReturnType<typeof itemOf>>, customerId: string | null, name: string) =>
        reviews().submitReview({
          product_id: bought.item.product_id,
          variant_id: bought.item.variant_id,
          order_id: bought.order.id,
          line_item_id: bought.item.id,
          customer_id: customerId,
          reviewer_name: name,
          reviewer_email: `${name.toLowerCase()}@example.com`,
          rating: 5,
          title: "Lovely",
          body: "Soft and well made.",
          images: [],
          verified: true,
        })
      const danasReview = await review(danaOrder, dana, "Dana")
      const guestsReview = await review(guestOrder, null, "Gina")
      const before = (await balances(dana))!

      // a moderation that fails after the bonus takes it back and frees it: the approval that goes through gives it
      const failed = await approveThenFailWorkflow(container).run({ input: { ids: [danasReview.id], by: "user:test" }, throwOnError: false })
      expect(failed.errors.map((error) => error.error.message)).toEqual(["a later step failed"])
      expect(lines((await ledgerOf(dana)).filter((entry) => entry.metadata?.review_id === danasReview.id || entry.type === "revert"))).toEqual([
        ["bonus", REVIEW, 0, REVIEW],
        ["revert", -REVIEW, 0, -REVIEW],
      ])
      expect(await balances(dana)).toEqual(before)
      expect((await reviews().listReviews({ id: danasReview.id }))[0]).toEqual(expect.objectContaining({ status: "pending", incentivized: false }))

      for (let n = 0; n < 2; n++) {
        const { status } = await api.post("/admin/post-purchase/reviews/moderate", { ids: [danasReview.id, guestsReview.id], action: "approve" }, admin)
        expect(status).toBe(200)
      }
      const bonuses = (await ledgerOf(dana)).filter((entry) => entry.reason === "Bonus for an approved review")
      expect(lines(bonuses)).toEqual([
        ["bonus", REVIEW, 0, REVIEW],
        ["bonus", REVIEW, 0, REVIEW],
      ])
      expect(await balances(dana)).toEqual({ ...before, available: before.available + REVIEW, lifetime: before.lifetime + REVIEW })

      // rejected and approved again: still once
      await api.post("/admin/post-purchase/reviews/moderate", { ids: [danasReview.id], action: "reject", reason: "off_topic" }, admin)
      await api.post("/admin/post-purchase/reviews/moderate", { ids: [danasReview.id], action: "approve" }, admin)
      expect((await ledgerOf(dana)).filter((entry) => entry.reason === "Bonus for an approved review")).toHaveLength(2)

      const { data } = await api.get(`/store/post-purchase/products/${danaOrder.item.product_id}/reviews`, guest())
      const served = Object.fromEntries(data.reviews.map((served: any) => [served.author, served.incentivized]))
      expect(served).toEqual({ Dana: true, Gina: false })

      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
