import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { deliverFulfillment, fulfillOrder, SHIPPING_ADDRESS, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE, LoyaltyEvents, type LoyaltySettingsInput } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { scheduleLoyaltyEmailWorkflow } from "../../src/workflows/loyalty/schedule-loyalty-email"
import { POST_PURCHASE_MODULE } from "../../src/modules/post-purchase"
import type PostPurchaseModuleService from "../../src/modules/post-purchase/service"
import { freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"

jest.setTimeout(240_000)

testAppEnv()

const REFERRER_POINTS = 200

const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1 }],
  referrals: { enabled: true, referrer_points: REFERRER_POINTS, discount: { kind: "percentage", value: 10 } },
}

/** A customer signed in to the Store API: the headers for them. */
async function signIn(container: MedusaContainer, publishableKey: string, customer: { id: string; email: string }) {
  const auth = container.resolve(Modules.AUTH)
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: `${customer.id}@members.test` }],
    app_metadata: { customer_id: customer.id },
  })
  const token = jwt.sign(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: identity.id, app_metadata: { customer_id: customer.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey }
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore

    beforeEach(async () => ({ store } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(LOYALTY_MODULE)
    const settle = (promise: Promise<any>) => promise.then((response) => response, (e) => e.response)
    const guest = () => ({ "x-publishable-api-key": store.publishable_key })

    /** A registered member (has_account), as the storefront's registration makes them. */
    async function member(email: string, first_name: string) {
      const {
        result: [customer],
      } = await createCustomersWorkflow(getContainer()).run({ input: { customersData: [{ email, first_name, has_account: true }] } })
      return { id: customer.id as string, email }
    }

    const claim = (body: Record<string, unknown>, headers: Record<string, string> = guest()) =>
      settle(api.post("/store/post-purchase/loyalty/referrals", body, { headers }))

    /** A guest's cart through the Store API, with a €49.95 shirt. */
    async function openCart(email: string, headers: Record<string, string> = guest()) {
      const { data } = await api.post(
        "/store/carts",
        { region_id: store.region_id, email, shipping_address: SHIPPING_ADDRESS, billing_address: SHIPPING_ADDRESS, items: [{ variant_id: store.variants[0].id, quantity: 1 }] },
        { headers }
      )
      return data.cart as { id: string }
    }
    const addCode = (cartId: string, code: string, headers: Record<string, string> = guest()) =>
      settle(api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, { headers }))

    /** Shipping and payment, as a storefront's checkout does before it completes the cart. */
    async function readyToPay(cartId: string) {
      const container = getContainer()
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cartId, options: [{ id: store.shipping_option_id }] } })
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } })
      await createPaymentSessionsWorkflow(container).run({ input: { payment_collection_id: collection.id, provider_id: "pp_system_default" } })
    }
    const complete = async (cartId: string) => (await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })).result.id as string

    const balances = async (customerId: string) => {
      const account = await loyalty().accountOf(customerId)
      return account && { available: account.available, pending: account.pending, lifetime: account.lifetime }
    }

    it("Anna's referral link brings Bram: his single-use first-order discount really applies, his order gives Anna pending points that are hers once its return window closes; the referral succeeded event fires once", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      const anna = await member("anna.member@example.com", "Anna")
      await loyalty().ensureAccount(anna.id)
      const annaHeaders = await signIn(container, store.publishable_key, anna)

      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers: annaHeaders })
      const referralCode: string = mine.loyalty.referral_code
      expect(referralCode).toMatch(/^[A-Z2-9]{8}$/)
      const link = new URL(mine.loyalty.referral_link)
      expect(link.searchParams.get("ref")).toBe(referralCode)
      expect(link.pathname).toBe("/")

      const announced: any[] = []
      container.resolve(Modules.EVENT_BUS).subscribe(LoyaltyEvents.REFERRAL_SUCCEEDED, async (event: any) => {
        announced.push(event.data)
      })

      // the storefront claims the code from the link (in whatever case it was typed) for Bram
      const claimed = await claim({ referral_code: referralCode.toLowerCase(), email: "Bram@example.com" })
      expect(claimed.status).toBe(200)
      expect(claimed.data.referral).toEqual({
        code: expect.stringMatching(/^FRIEND-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
        discount: { kind: "percentage", value: 10, currency_code: null },
        expires_at: expect.any(String),
      })
      const code: string = claimed.data.referral.code
      const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ code }, { relations: ["application_method", "rules"] })
      expect(promotion).toEqual(expect.objectContaining({ code, limit: 1, used: 0, status: "active", is_automatic: false }))
      expect(promotion.rules).toEqual([])

      const cart = await openCart("bram@example.com")
      const applied = await addCode(cart.id, code)
      expect(applied.status).toBe(200)
      // 10% of the €49.95 shirt
      expect(applied.data.cart.discount_total).toBeCloseTo(5.0, 1)
      expect(applied.data.cart.promotions.map((p: { code: string }) => p.code)).toEqual([code])
      await readyToPay(cart.id)
      const orderId = await complete(cart.id)

      const ledger = await waitFor(async () => {
        const entries = await loyalty().orderLedger(orderId)
        return entries.some((entry) => entry.type === "bonus") && entries
      }, "the referrer's bonus")
      expect(ledger).toEqual([
        expect.objectContaining({ customer_id: anna.id, type: "bonus", points: REFERRER_POINTS, pending_delta: REFERRER_POINTS, available_delta: 0, order_id: orderId }),
      ])
      expect(await balances(anna.id)).toEqual({ available: 0, pending: REFERRER_POINTS, lifetime: 0 })
      await waitFor(async () => announced.length > 0, "loyalty.referral_succeeded")
      expect(announced).toEqual([{ referrer_customer_id: anna.id, order_id: orderId, points: REFERRER_POINTS, entry_id: ledger[0].id }])
      const [referral] = await loyalty().listLoyaltyReferrals({ promotion_code: code })
      expect(referral).toEqual(expect.objectContaining({ status: "counted", order_id: orderId, referrer_customer_id: anna.id, referee_email: "bram@example.com" }))
      // the code was single use
      expect((await container.resolve(Modules.PROMOTION).listPromotions({ code }))[0].used).toBe(1)

      // delivered; once the return window has closed, the daily confirmation makes Anna's points hers
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      const closes = new Date((await loadOrderReturnTerms(container, [orderId])).get(orderId)!.window_closes_at!)
      const before = await confirmLoyaltyPointsWorkflow(container).run({ input: { now: new Date(closes.getTime() - 60_000).toISOString() } })
      expect(before.result.confirmed).toEqual([])
      const after = await confirmLoyaltyPointsWorkflow(container).run({ input: { now: new Date(closes.getTime() + 60_000).toISOString() } })
      expect(after.result.confirmed).toEqual([expect.objectContaining({ customer_id: anna.id, order_id: orderId, points: REFERRER_POINTS })])
      expect(await balances(anna.id)).toEqual({ available: REFERRER_POINTS, pending: 0, lifetime: REFERRER_POINTS })
      expect(announced).toHaveLength(1)
      // Anna's points sit on Bram's order, but the "points earned" email about an order goes to its buyer only:
      // scheduling it (again, after the subscriber) leaves Anna without an email that names Bram or his order
      await scheduleLoyaltyEmailWorkflow(container).run({
        input: { name: LoyaltyEvents.POINTS_CONFIRMED, data: after.result.confirmed[0] },
      })
      const postPurchase: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      expect(await postPurchase.listFollowups({ flow: "loyalty-points-earned", customer_id: anna.id })).toEqual([])

      // Bram has ordered: another referral code is refused in his next cart, by the cart's email
      const second = await claim({ referral_code: referralCode })
      expect(second.status).toBe(200)
      const nextCart = await openCart("bram@example.com")
      const refused = await addCode(nextCart.id, second.data.referral.code)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/first order.*bram@example\.com has ordered before/)

      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("refuses self-referral (signed in, by email and in the cart), an unknown code, referrals switched off, and the same new customer counted through a second member's code", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      const anna = await member("anna.member@example.com", "Anna")
      const ben = await member("ben@example.com", "Ben")
      const annaCode = (await loyalty().ensureAccount(anna.id)).referral_code
      const benCode = (await loyalty().ensureAccount(ben.id)).referral_code
      const annaHeaders = await signIn(container, store.publishable_key, anna)

      const own = await claim({ referral_code: annaCode }, annaHeaders)
      expect(own.status).toBe(400)
      expect(own.data.message).toMatch(/referral_code is your own/)
      const ownEmail = await claim({ referral_code: annaCode, email: "ANNA.member@example.com" })
      expect(ownEmail.status).toBe(400)
      expect(ownEmail.data.message).toMatch(/referral_code is your own/)

      // a code claimed without an email, then used in a cart with Anna's own email
      const anonymous = await claim({ referral_code: annaCode })
      expect(anonymous.status).toBe(200)
      const annasCart = await openCart(anna.email)
      const selfInCart = await addCode(annasCart.id, anonymous.data.referral.code)
      expect(selfInCart.status).toBe(400)
      expect(selfInCart.data.message).toMatch(/your own referral/)

      const unknown = await claim({ referral_code: "NOSUCHCODE" })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/referral_code "NOSUCHCODE" is not a member's referral code/)
      const missing = await claim({})
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/referral_code/)

      // Carla claims both members' codes and puts each in a cart before she has ordered: both carts take them
      const fromAnna = (await claim({ referral_code: annaCode, email: "carla@example.com" })).data.referral.code
      const fromBen = (await claim({ referral_code: benCode, email: "carla@example.com" })).data.referral.code
      const first = await openCart("carla@example.com")
      const secondCart = await openCart("carla@example.com")
      expect((await addCode(first.id, fromAnna)).status).toBe(200)
      expect((await addCode(secondCart.id, fromBen)).status).toBe(200)
      await readyToPay(first.id)
      await readyToPay(secondCart.id)
      const firstOrder = await complete(first.id)
      await waitFor(async () => (await loyalty().orderLedger(firstOrder)).length > 0, "Anna's bonus")
      const secondOrder = await complete(secondCart.id)
      // the second order's referral is refused: Carla was counted once, for Anna
      const refusedReferral = await waitFor(async () => {
        const [row] = await loyalty().listLoyaltyReferrals({ promotion_code: fromBen })
        return row.status !== "claimed" && row
      }, "the second referral's count")
      expect(refusedReferral).toEqual(expect.objectContaining({ status: "refused", order_id: secondOrder }))
      expect(await loyalty().orderLedger(secondOrder)).toEqual([])
      expect(await balances(anna.id)).toEqual({ available: 0, pending: REFERRER_POINTS, lifetime: 0 })
      expect(await balances(ben.id)).toEqual({ available: 0, pending: 0, lifetime: 0 })

      // the referrer's pending bonus goes with the order when it is canceled
      const { cancelOrderWorkflow } = await import("@medusajs/medusa/core-flows")
      await cancelOrderWorkflow(container).run({ input: { order_id: firstOrder } })
      await waitFor(async () => (await balances(anna.id))?.pending === 0, "the bonus taken back")
      expect(await balances(anna.id)).toEqual({ available: 0, pending: 0, lifetime: 0 })

      // switched off: nothing more can be claimed
      await loyalty().saveLoyaltyProgramme({ settings: { ...PROGRAMME, referrals: { enabled: false } }, by: null })
      const off = await claim({ referral_code: annaCode })
      expect(off.status).toBe(400)
      expect(off.data.message).toMatch(/Referrals are switched off/)

      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
