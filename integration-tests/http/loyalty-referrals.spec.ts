import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCustomersWorkflow,
  createOrderWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { deliverFulfillment, fulfillOrder, SHIPPING_ADDRESS, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { loadOrderReturnTerms } from "../../src/lib/return-terms"
import { LOYALTY_MODULE, LoyaltyEvents, type LoyaltySettingsInput } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { REFERRAL_CLAIMS_PER_DAY } from "../../src/lib/loyalty-referrals"
import { confirmLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/confirm-loyalty-points"
import { countReferralWorkflow } from "../../src/workflows/loyalty/count-referral"
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
    /** A guest's ordinary checkout, without a code. */
    const placeGuestOrder = async (email: string) => {
      const cart = await openCart(email)
      await readyToPay(cart.id)
      return await complete(cart.id)
    }

    /**
     * An order the admin makes (as a draft order becomes one) with a code:
     * Medusa applies it without the cart's promotion workflow, so the cart
     * hook never sees it. Counted as the `order.placed` subscriber does.
     */
    async function adminOrderWithCode(code: string, email: string, customer_id?: string) {
      const container = getContainer()
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id: store.region_id,
          sales_channel_id: store.sales_channel_id,
          currency_code: "eur",
          email,
          customer_id,
          shipping_address: SHIPPING_ADDRESS,
          billing_address: SHIPPING_ADDRESS,
          items: [{ variant_id: store.variants[0].id, quantity: 1 }],
          promo_codes: [code],
        } as any,
      })
      const { data: [withCodes] } = await container.resolve("query").graph({ entity: "order", fields: ["items.adjustments.code"], filters: { id: order.id } })
      expect((withCodes as any).items.flatMap((item: any) => item.adjustments.map((a: any) => a.code))).toEqual([code])
      const { result } = await countReferralWorkflow(container).run({ input: { order_id: order.id } })
      return { order_id: order.id as string, ...result }
    }

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

      // Bram claims again, in another case: the same open discount, not a second one
      const again = await claim({ referral_code: referralCode, email: "BRAM@example.com" })
      expect(again.status).toBe(200)
      expect(again.data.referral).toEqual(claimed.data.referral)
      // and Ben's code too, before his first order
      const ben = await member("ben@example.com", "Ben")
      const benCode = (await loyalty().ensureAccount(ben.id)).referral_code
      const fromBen = await claim({ referral_code: benCode, email: "bram@example.com" })
      expect(fromBen.status).toBe(200)

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
      // nor does her points history: Bram's order id would open his order in the Store API, its number is his business
      const { data: annaView } = await api.get("/store/post-purchase/loyalty", { headers: annaHeaders })
      expect(annaView.loyalty.history.map((line: any) => [line.type, line.points, line.order_id, line.reason])).toEqual([
        ["confirm", REFERRER_POINTS, null, "Referral: a friend’s first order"],
        ["bonus", REFERRER_POINTS, null, "Referral: a friend’s first order"],
      ])
      const { display_id: bramsNumber } = (
        await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["display_id"], filters: { id: orderId } })
      ).data[0]
      expect(JSON.stringify(annaView)).not.toContain(orderId)
      expect(JSON.stringify(annaView)).not.toContain(`#${bramsNumber}`)

      // Bram has ordered: Ben's code, claimed before, is refused in his next cart, by the cart's email, and no new claim is made
      const nextCart = await openCart("bram@example.com")
      const refused = await addCode(nextCart.id, fromBen.data.referral.code)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/^promo_codes: .*first order.*bram@example\.com has ordered before/)
      const second = await claim({ referral_code: referralCode, email: "bram@example.com" })
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/^email bram@example\.com has ordered before/)

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

      // the discount is bound to an email: a guest must give one
      const anonymous = await claim({ referral_code: annaCode })
      expect(anonymous.status).toBe(400)
      expect(anonymous.data.message).toMatch(/^email is required/)
      // a code claimed for a friend's email, then used in a cart with Anna's own email
      const forFriend = await claim({ referral_code: annaCode, email: "friend@example.com" })
      expect(forFriend.status).toBe(200)
      const annasCart = await openCart(anna.email)
      const selfInCart = await addCode(annasCart.id, forFriend.data.referral.code)
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
      const off = await claim({ referral_code: annaCode, email: "late@example.com" })
      expect(off.status).toBe(400)
      expect(off.data.message).toMatch(/Referrals are switched off/)

      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("an order that never passed the cart (made by the admin) is counted only for a new customer's first order with the claim's email: the referrer's own, a repeat customer and another email are refused with their reason", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      const anna = await member("anna.member@example.com", "Anna")
      const annaCode = (await loyalty().ensureAccount(anna.id)).referral_code
      const codeFor = async (email: string) => {
        const response = await claim({ referral_code: annaCode, email })
        expect(response.status).toBe(200)
        return response.data.referral.code as string
      }
      const referralOf = async (code: string) => (await loyalty().listLoyaltyReferrals({ promotion_code: code }))[0]

      // claimed for a friend, used by Anna herself in an order the admin made for her
      const own = await adminOrderWithCode(await codeFor("eve@example.com"), anna.email, anna.id)
      expect(own).toEqual(expect.objectContaining({ outcome: "refused", refusal_reason: "self-referral: the referrer's own customer account", succeeded: [] }))
      const ownByEmail = await adminOrderWithCode(await codeFor("eve.two@example.com"), "Anna.Member@example.com")
      // Medusa finds Anna's customer by her email, in any case
      expect(ownByEmail).toEqual(expect.objectContaining({ outcome: "refused", refusal_reason: expect.stringMatching(/^self-referral: /) }))

      // Dave claims, then orders without the code, then the admin makes him an order with it: not his first
      const daveCode = await codeFor("dave@example.com")
      await placeGuestOrder("dave@example.com")
      const repeat = await adminOrderWithCode(daveCode, "dave@example.com")
      expect(repeat.outcome).toBe("refused")
      expect(await referralOf(daveCode)).toEqual(
        expect.objectContaining({ status: "refused", order_id: repeat.order_id, refusal_reason: "not a first order: dave@example.com ordered before", counted_at: null })
      )

      // claimed for Fay, used by Gus
      const other = await adminOrderWithCode(await codeFor("fay@example.com"), "gus@example.com")
      expect(other.refusal_reason).toBe("claimed for fay@example.com, used by gus@example.com")

      // Hana's own first order through the admin counts
      const hanaCode = await codeFor("hana@example.com")
      const counted = await adminOrderWithCode(hanaCode, "Hana@example.com")
      expect(counted).toEqual(expect.objectContaining({ outcome: "counted", refusal_reason: null }))
      expect(await referralOf(hanaCode)).toEqual(expect.objectContaining({ status: "counted", refusal_reason: null }))

      // only Hana's order gave Anna points
      expect(await balances(anna.id)).toEqual({ available: 0, pending: REFERRER_POINTS, lifetime: 0 })
      for (const refusedOrder of [own, ownByEmail, repeat, other]) {
        expect(await loyalty().orderLedger(refusedOrder.order_id)).toEqual([])
      }
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("limits claims: one open discount per email and member's code, a daily cap per code; binds the code to its email in the cart; finds a repeat customer among look-alike emails", async () => {
      const container = getContainer()
      await loyalty().saveLoyaltyProgramme({ settings: PROGRAMME, by: null })
      const anna = await member("anna.member@example.com", "Anna")
      const annaCode = (await loyalty().ensureAccount(anna.id)).referral_code

      // Ivo's storefront claims twice at the same moment: one discount
      const [ivoClaim, ivoAgain] = await Promise.all([
        claim({ referral_code: annaCode, email: "ivo@example.com" }),
        claim({ referral_code: annaCode, email: "ivo@example.com" }),
      ])
      expect([ivoClaim.status, ivoAgain.status]).toEqual([200, 200])
      expect(ivoAgain.data.referral).toEqual(ivoClaim.data.referral)
      // bound to Ivo's email: Jan's cart cannot take it, Ivo's can
      const ivo = ivoClaim.data.referral.code as string
      const jansCart = await openCart("jan@example.com")
      const elsewhere = await addCode(jansCart.id, ivo)
      expect(elsewhere.status).toBe(400)
      expect(elsewhere.data.message).toBe(
        `promo_codes: the code ${ivo} is a referral discount claimed for another email address than this cart's (jan@example.com)`
      )
      expect((await addCode((await openCart("IVO@example.com")).id, ivo)).status).toBe(200)

      // a cart that takes the code and then changes its email loses it on the next refresh: refused
      const switching = await openCart("ivo@example.com")
      expect((await addCode(switching.id, ivo)).status).toBe(200)
      const switched = await settle(api.post(`/store/carts/${switching.id}`, { email: "jan@example.com" }, { headers: guest() }))
      expect(switched.status).toBe(400)
      expect(switched.data.message).toMatch(/^promo_codes: .*claimed for another email address/)

      // "k_m@example.com" claims; twenty look-alikes ("kam@", "kbm@"…) and then the exact email order: a wildcard lookup of 20 misses it
      const lookAlike = (await claim({ referral_code: annaCode, email: "k_m@example.com" })).data.referral.code as string
      const orders = container.resolve(Modules.ORDER)
      await orders.createOrders(
        [..."abcdefghijklmnopqrstu"].map((letter) => ({ email: `k${letter}m@example.com`, currency_code: "eur", region_id: store.region_id }))
      )
      await orders.createOrders([{ email: "K_M@example.com", currency_code: "eur", region_id: store.region_id }])
      const repeat = await addCode((await openCart("k_m@example.com")).id, lookAlike)
      expect(repeat.status).toBe(400)
      expect(repeat.data.message).toMatch(/first order, and k_m@example\.com has ordered before/)
      // and "_am@example.com", whom a wildcard would take for "kam@example.com", has never ordered: claimed and taken
      const fresh = await claim({ referral_code: annaCode, email: "_am@example.com" })
      expect(fresh.status).toBe(200)
      expect((await addCode((await openCart("_am@example.com")).id, fresh.data.referral.code)).status).toBe(200)

      // the daily cap: the code was claimed 3 times so far; up to the cap, then refused, naming the code
      for (let i = 3; i < REFERRAL_CLAIMS_PER_DAY; i++) {
        expect((await claim({ referral_code: annaCode, email: `friend${i}@example.com` })).status).toBe(200)
      }
      const capped = await claim({ referral_code: annaCode, email: "one.too.many@example.com" })
      expect(capped.status).toBe(400)
      expect(capped.data.message).toBe(
        `referral_code "${annaCode}" was claimed ${REFERRAL_CLAIMS_PER_DAY} times in the last 24 hours, the most a member's code can be: try again tomorrow`
      )
      // an open claim is still answered: it makes no new discount
      expect((await claim({ referral_code: annaCode, email: "ivo@example.com" })).data.referral.code).toBe(ivo)
      expect(await loyalty().listLoyaltyReferrals({ referral_code: annaCode })).toHaveLength(REFERRAL_CLAIMS_PER_DAY)
    })
  },
})
