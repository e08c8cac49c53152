import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import jwt from "jsonwebtoken"
import { completeCheckout, SHIPPING_ADDRESS, type SeededStore } from "../../scripts/fixtures/store"
import { LOYALTY_MODULE, type LoyaltySettingsInput, type NewLedgerEntry } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { redeemLoyaltyRewardWorkflow } from "../../src/workflows/loyalty/redeem-reward"
import { customerHeaders } from "../helpers/admin"
import { DAY_MS, freshTestStore, restorePluginOptions, testAppEnv } from "../helpers/followups"
import { confirmedPoints } from "../helpers/loyalty"

jest.setTimeout(180_000)

testAppEnv()

const SILVER_GROUP = "cusgroup_01JSILVERSILVERSILVERSILVER"

/** The programme the tests run: the default "€5 off" for 500 points, a percentage reward, and tiers by points. */
const PROGRAMME: LoyaltySettingsInput = {
  enabled: true,
  earn_rates: [{ currency_code: "eur", points_per_unit: 1 }],
  rewards: [
    { id: "five-off", name: "€5 off", points_cost: 500, discount: { kind: "fixed", value: 5, currency_code: "eur" }, expires_in_days: 90 },
    { id: "ten-percent", name: "10% off", points_cost: 800, discount: { kind: "percentage", value: 10 }, expires_in_days: 30 },
  ],
  tiers: {
    basis: "points",
    levels: [
      { id: "silver", name: "Silver", threshold: 1000, customer_group_id: SILVER_GROUP, multiplier: 1.25 },
      { id: "gold", name: "Gold", threshold: 5000, customer_group_id: "cusgroup_01JGOLDGOLDGOLDGOLDGOLDGOLD", multiplier: 1.5 },
    ],
  },
  bonuses: { signup: 50, first_order: 100, approved_review: 25 },
  referrals: { enabled: true, referrer_points: 200, discount: { kind: "percentage", value: 10 } },
}

/** An existing customer (the seeded Anna), signed in: the Store API's headers for her. */
async function signIn(container: MedusaContainer, publishableKey: string, customer: { id: string; email: string }) {
  const auth = container.resolve(Modules.AUTH)
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: customer.email }],
    app_metadata: { customer_id: customer.id },
  })
  const token = jwt.sign(
    { actor_id: customer.id, actor_type: "customer", auth_identity_id: identity.id, app_metadata: { customer_id: customer.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore

    beforeEach(async () => ({ store } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = (): LoyaltyModuleService => getContainer().resolve(LOYALTY_MODULE)
    const promotions = () => getContainer().resolve(Modules.PROMOTION)
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const saveProgramme = (settings: LoyaltySettingsInput) => loyalty().saveLoyaltyProgramme({ settings, by: "user:test" })
    const anna = () => signIn(getContainer(), store.publishable_key, store.customer)

    /** The promotions a redemption made for this customer, with their rules and campaign. */
    async function rewardPromotionsOf(customerId: string) {
      const all = await promotions().listPromotions({}, { relations: ["application_method", "rules", "rules.values", "campaign"] })
      return all.filter((promotion) => promotion.metadata?.pp_loyalty_customer_id === customerId)
    }

    /** A cart opened through the Store API, by the customer the headers sign in (a guest without them), with a €49.95 shirt. */
    async function openCart(headers: Record<string, string>, email: string) {
      const { data } = await api.post(
        "/store/carts",
        {
          region_id: store.region_id,
          email,
          shipping_address: SHIPPING_ADDRESS,
          billing_address: SHIPPING_ADDRESS,
          items: [{ variant_id: store.variants[0].id, quantity: 1 }],
        },
        { headers }
      )
      return data.cart as { id: string; total: number; customer_id: string | null }
    }

    /** Adds a code through the Store API's cart promotions route; the cart afterwards. */
    async function addCode(cartId: string, code: string, headers: Record<string, string>) {
      const { data } = await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, { headers })
      return data.cart as { total: number; discount_total: number; promotions: { code: string }[] }
    }

    it("Anna redeems €5 off for 500 of her 600 points: a single-use code for her alone that takes €5 off her cart, expires with its campaign, and works once", async () => {
      const container = getContainer()
      await saveProgramme(PROGRAMME)
      await loyalty().recordEntries(confirmedPoints(store.customer.id, "order_anna_1", 600))
      const { headers } = await anna()

      const before = Date.now()
      const { status, data } = await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "five-off" }, { headers })
      expect(status).toBe(200)
      expect(data.loyalty).toEqual({ available: 100, pending: 0, lifetime: 600 })
      expect(data.reward).toEqual({
        code: expect.stringMatching(/^LOYAL-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
        discount: { kind: "fixed", value: 5, currency_code: "eur" },
        expires_at: expect.any(String),
        points_spent: 500,
      })
      const code: string = data.reward.code
      const expiresAt = Date.parse(data.reward.expires_at)
      expect(expiresAt).toBeGreaterThanOrEqual(before + 90 * DAY_MS)
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS)

      // the ledger line and the promotion point at each other
      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers })
      const [redeemLine] = mine.loyalty.history
      expect(redeemLine).toEqual(expect.objectContaining({ type: "redeem", points: -500, reward_id: "five-off", promotion_code: code, reason: "€5 off" }))

      const [promotion] = await rewardPromotionsOf(store.customer.id)
      expect(promotion).toEqual(
        expect.objectContaining({ code, status: "active", limit: 1, used: 0, is_automatic: false, type: "standard" })
      )
      expect(promotion.metadata).toEqual(
        expect.objectContaining({ pp_loyalty_reward: true, pp_loyalty_customer_id: store.customer.id, pp_loyalty_entry_id: redeemLine.id })
      )
      expect(promotion.application_method).toEqual(
        expect.objectContaining({ type: "fixed", target_type: "order", value: 5, currency_code: "eur" })
      )
      expect(promotion.rules!.map((rule) => [rule.attribute, rule.operator, rule.values!.map((value) => value.value)])).toEqual([
        ["customer.id", "eq", [store.customer.id]],
      ])
      expect(new Date(promotion.campaign!.ends_at!).getTime()).toBe(expiresAt)

      // in her own cart, through the Store API: €5 less to pay
      const cart = await openCart(headers, store.customer.email)
      expect(cart.customer_id).toBe(store.customer.id)
      const discounted = await addCode(cart.id, code, headers)
      expect(discounted.promotions.map((p) => p.code)).toEqual([code])
      expect(discounted.discount_total).toBeCloseTo(5, 2)
      expect(discounted.total).toBeCloseTo(cart.total - 5, 2)

      // Ben's cart and a guest's: the code is hers, so it gives them nothing
      const ben = await customerHeaders(container, store.publishable_key, "ben@example.com")
      const benCart = await openCart(ben.headers, "ben@example.com")
      const benAfter = await addCode(benCart.id, code, ben.headers)
      expect(benAfter.promotions).toEqual([])
      expect(benAfter.total).toBeCloseTo(benCart.total, 2)
      const guestCart = await openCart(storeHeaders().headers, "guest@example.com")
      expect((await addCode(guestCart.id, code, storeHeaders().headers)).promotions).toEqual([])

      // single use: once her order is placed with it, her next cart gets nothing from it
      await completeCheckout(container, store, cart.id)
      const [used] = await promotions().listPromotions({ code })
      expect(used.used).toBe(1)
      const nextCart = await openCart(headers, store.customer.email)
      const nextAfter = await addCode(nextCart.id, code, headers)
      expect(nextAfter.promotions).toEqual([])
      expect(nextAfter.total).toBeCloseTo(nextCart.total, 2)

      // a percentage reward: no currency, the same customer rule
      await loyalty().recordEntries(confirmedPoints(store.customer.id, "order_anna_2", 800))
      const percentage = await api.post("/store/post-purchase/loyalty/redeem", { reward_id: "ten-percent" }, { headers })
      expect(percentage.data.reward.discount).toEqual({ kind: "percentage", value: 10, currency_code: null })
      const tenPercent = (await rewardPromotionsOf(store.customer.id)).find((p) => p.code === percentage.data.reward.code)!
      expect(tenPercent.application_method).toEqual(expect.objectContaining({ type: "percentage", value: 10, currency_code: null }))
      const tenPercentCart = await openCart(headers, store.customer.email)
      expect((await addCode(tenPercentCart.id, tenPercent.code!, headers)).discount_total).toBeCloseTo(tenPercentCart.total * 0.1, 2)

      // expired: once its campaign has ended, the code takes nothing off
      await promotions().updateCampaigns({ id: tenPercent.campaign!.id, ends_at: new Date(Date.now() - 60_000) })
      const lateCart = await openCart(headers, store.customer.email)
      expect((await addCode(lateCart.id, tenPercent.code!, headers)).promotions).toEqual([])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("three redemptions at the same moment with points for one: one code, two refusals, and the ledger still adds up", async () => {
      const container = getContainer()
      // registered before the programme is on: no signup bonus among her points
      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      await saveProgramme(PROGRAMME)
      await loyalty().recordEntries(confirmedPoints(cleo.customer.id, "order_cleo", 500))

      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          api.post("/store/post-purchase/loyalty/redeem", { reward_id: "five-off" }, cleo).catch((error) => error.response)
        )
      )
      expect(responses.map((response) => response.status).sort()).toEqual([200, 400, 400])
      const refused = responses.filter((response) => response.status === 400).map((response) => response.data.message)
      expect(refused).toEqual(["Not enough points: 0 available, 500 needed", "Not enough points: 0 available, 500 needed"])

      expect(await rewardPromotionsOf(cleo.customer.id)).toHaveLength(1)
      const { data } = await api.get("/store/post-purchase/loyalty", cleo)
      expect(data.loyalty).toEqual(expect.objectContaining({ available: 0, pending: 0, lifetime: 500, count: 3 }))
      // the earn and confirm lines were written together, in the same millisecond: their order between them is not set
      const [newest, ...older] = data.loyalty.history.map((entry: { type: string }) => entry.type)
      expect([newest, older.sort()]).toEqual(["redeem", ["confirm", "earn"]])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("when Medusa refuses the promotion (its code is taken), the points come back on a revert line, only those the run took", async () => {
      const container = getContainer()
      await saveProgramme(PROGRAMME)
      await loyalty().recordEntries(confirmedPoints(store.customer.id, "order_anna_1", 600))
      // the shop already runs a promotion with this code
      await createPromotionsWorkflow(container).run({
        input: {
          promotionsData: [
            {
              code: "SPRING-5",
              type: "standard",
              status: "active",
              application_method: { type: "fixed", target_type: "order", value: 5, currency_code: "eur" },
            },
          ],
        },
      })

      const { errors } = await redeemLoyaltyRewardWorkflow(container).run({
        input: { customer_id: store.customer.id, reward_id: "five-off", code: "SPRING-5" },
        throwOnError: false,
      })
      expect(errors[0]).toEqual(
        expect.objectContaining({ action: "create-promotions-as-step", error: expect.objectContaining({ message: "Promotion with code: SPRING-5, already exists." }) })
      )

      const { headers } = await anna()
      const { data } = await api.get("/store/post-purchase/loyalty", { headers })
      expect(data.loyalty).toEqual(expect.objectContaining({ available: 600, pending: 0, lifetime: 600 }))
      // the ledger keeps "Undone (the reward could not be created): €5 off" for the admin; the customer reads why
      const undone = "The reward could not be created, the points are back: €5 off"
      expect(data.loyalty.history.slice(0, 2)).toEqual([
        expect.objectContaining({ type: "revert", points: 500, reason: undone, promotion_code: "SPRING-5" }),
        expect.objectContaining({ type: "redeem", points: -500, reason: "€5 off", promotion_code: "SPRING-5" }),
      ])

      // the same code refused a second time: this run takes the points again and gives back only those
      const again = await redeemLoyaltyRewardWorkflow(container).run({
        input: { customer_id: store.customer.id, reward_id: "five-off", code: "SPRING-5" },
        throwOnError: false,
      })
      expect(again.errors[0].error.message).toBe("Promotion with code: SPRING-5, already exists.")
      expect(await loyalty().accountOf(store.customer.id)).toEqual(expect.objectContaining({ available: 600, lifetime: 600 }))
      const { data: twice } = await api.get("/store/post-purchase/loyalty", { headers })
      expect(twice.loyalty.history.slice(0, 4).map((line: any) => [line.type, line.points, line.reason])).toEqual([
        ["revert", 500, undone],
        ["redeem", -500, "€5 off"],
        ["revert", 500, undone],
        ["redeem", -500, "€5 off"],
      ])

      // a redemption retried with the code of one that went through: its points were taken by the first run, so none come back
      const granted = await redeemLoyaltyRewardWorkflow(container).run({
        input: { customer_id: store.customer.id, reward_id: "five-off", code: "ANNA-THANKS" },
      })
      expect(granted.result.reward.code).toBe("ANNA-THANKS")
      expect(await loyalty().accountOf(store.customer.id)).toEqual(expect.objectContaining({ available: 100 }))
      const retried = await redeemLoyaltyRewardWorkflow(container).run({
        input: { customer_id: store.customer.id, reward_id: "five-off", code: "ANNA-THANKS" },
        throwOnError: false,
      })
      // its campaign is found first
      expect(retried.errors[0].error.message).toBe("Promotion campaign with campaign_identifier: pp-loyalty-anna-thanks, already exists.")
      expect(await loyalty().accountOf(store.customer.id)).toEqual(expect.objectContaining({ available: 100, lifetime: 600 }))
      expect((await loyalty().listLedger(store.customer.id, { limit: 1, offset: 0 })).entries[0]).toEqual(
        expect.objectContaining({ type: "redeem", promotion_code: "ANNA-THANKS" })
      )
      // the shop's promotion is untouched and no other was made
      const spring = await promotions().listPromotions({ code: "SPRING-5" })
      expect(spring.map((promotion) => promotion.metadata ?? null)).toEqual([null])
      expect((await rewardPromotionsOf(store.customer.id)).map((promotion) => promotion.code)).toEqual(["ANNA-THANKS"])
      expect(await promotions().listCampaigns({ campaign_identifier: "pp-loyalty-spring-5" })).toEqual([])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("each customer reads and spends only their own points; every bad request is a 400 that says why; the public programme hides the customer groups", async () => {
      const container = getContainer()
      // Ben registers before the programme is on: no signup bonus among his points
      const ben = await customerHeaders(container, store.publishable_key, "ben@example.com")
      await saveProgramme(PROGRAMME)
      await loyalty().recordEntries(confirmedPoints(store.customer.id, "order_anna_1", 600))
      await loyalty().recordEntries([confirmedPoints(ben.customer.id, "order_ben_1", 40)[0]])
      const { headers } = await anna()
      // a bonus from 13 months ago still counts in the balance, but no longer for the tier
      const [oldBonus] = await loyalty().recordEntries([
        { customer_id: store.customer.id, type: "bonus", points: 300, available_delta: 300, lifetime_delta: 300, reason: "Account created" },
      ])
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw("UPDATE pp_loyalty_entry SET created_at = now() - interval '13 months' WHERE id = ?", [oldBonus.id])

      // Ben sees his pending 40 and his one line, nothing of Anna's
      const { data: benView } = await api.get("/store/post-purchase/loyalty", ben)
      expect(benView.loyalty).toEqual({
        available: 0,
        pending: 40,
        lifetime: 0,
        tier: null,
        next_tier: { id: "silver", name: "Silver", threshold: 1000, remaining: 1000 },
        // nothing confirmed, nothing to expire
        expiring: null,
        referral_code: expect.stringMatching(/^[A-Z2-9]{8}$/),
        referral_link: expect.stringMatching(/\/\?ref=[A-Z2-9]{8}$/),
        history: [expect.objectContaining({ type: "earn", points: 40, order_id: "order_ben_1" })],
        count: 1,
      })
      const { data: annaView } = await api.get("/store/post-purchase/loyalty?limit=1&offset=1", { headers })
      expect(annaView.loyalty).toEqual(
        expect.objectContaining({ available: 900, pending: 0, lifetime: 900, count: 3, next_tier: expect.objectContaining({ id: "silver", remaining: 400 }) })
      )
      const { data: firstPage } = await api.get("/store/post-purchase/loyalty?limit=1", { headers })
      expect([...firstPage.loyalty.history, ...annaView.loyalty.history].map((entry: { type: string }) => entry.type).sort()).toEqual(["confirm", "earn"])
      expect(annaView.loyalty.history[0].id).not.toBe(firstPage.loyalty.history[0].id)
      expect(annaView.loyalty.referral_code).not.toBe(benView.loyalty.referral_code)
      // no route takes a customer: naming Anna gets Ben a 400, not her points
      const asAnna = await api.get(`/store/post-purchase/loyalty?customer_id=${store.customer.id}`, ben).catch((e) => e.response)
      expect(asAnna.status).toBe(400)
      const spendAnna = await api
        .post("/store/post-purchase/loyalty/redeem", { reward_id: "five-off", customer_id: store.customer.id }, ben)
        .catch((e) => e.response)
      expect(spendAnna.status).toBe(400)
      expect((await loyalty().accountOf(store.customer.id))!.available).toBe(900)

      const redeem = (body: unknown, config: unknown = ben) =>
        api.post("/store/post-purchase/loyalty/redeem", body, config as any).catch((e) => e.response)
      const refusals = {
        unknownReward: await redeem({ reward_id: "free-car" }),
        missingReward: await redeem({}),
        tooFewPoints: await redeem({ reward_id: "five-off" }),
        badLimit: await api.get("/store/post-purchase/loyalty?limit=0", ben).catch((e) => e.response),
        notANumber: await api.get("/store/post-purchase/loyalty?limit=many", ben).catch((e) => e.response),
        negativeOffset: await api.get("/store/post-purchase/loyalty?offset=-1", ben).catch((e) => e.response),
      }
      expect(Object.fromEntries(Object.entries(refusals).map(([key, response]) => [key, [response.status, response.data.message]]))).toEqual({
        unknownReward: [400, 'reward_id "free-car" is not a reward of the loyalty programme'],
        missingReward: [400, "Invalid request: Field 'reward_id' is required"],
        tooFewPoints: [400, "Not enough points: 0 available, 500 needed"],
        badLimit: [400, expect.stringContaining("limit must be a whole number from 1 to 100")],
        notANumber: [400, "Invalid request: Expected type: 'number' for field 'limit', got: 'many'"],
        negativeOffset: [400, expect.stringContaining("offset cannot be negative")],
      })
      // not signed in: no points to read or spend
      expect((await api.get("/store/post-purchase/loyalty", storeHeaders()).catch((e) => e.response)).status).toBe(401)
      expect((await redeem({ reward_id: "five-off" }, storeHeaders())).status).toBe(401)

      // the public programme: what the explainer page needs, never which customer group a tier fills
      const { status, data } = await api.get("/store/post-purchase/loyalty/programme", storeHeaders())
      expect(status).toBe(200)
      expect(data.programme).toEqual(
        expect.objectContaining({
          enabled: true,
          earn_rates: [{ currency_code: "eur", points_per_unit: 1, include_shipping: false, include_tax: false }],
          rewards: [
            { id: "five-off", name: "€5 off", points_cost: 500, discount: { kind: "fixed", value: 5, currency_code: "eur" }, expires_in_days: 90 },
            { id: "ten-percent", name: "10% off", points_cost: 800, discount: { kind: "percentage", value: 10, currency_code: null }, expires_in_days: 30 },
          ],
          bonuses: { signup: 50, first_order: 100, approved_review: 25 },
          referrals: { enabled: true, referrer_points: 200, discount: { kind: "percentage", value: 10, currency_code: null } },
        })
      )
      expect(data.programme.tiers.levels).toEqual([
        { id: "silver", name: "Silver", threshold: 1000, multiplier: 1.25 },
        { id: "gold", name: "Gold", threshold: 5000, multiplier: 1.5 },
      ])
      expect(JSON.stringify(data)).not.toMatch(/customer_group|cusgroup_/)

      // switched off: redeeming is refused and the storefront learns only that
      await saveProgramme({ ...PROGRAMME, enabled: false })
      const off = await redeem({ reward_id: "five-off" }, { headers })
      expect([off.status, off.data.message]).toEqual([400, "The loyalty programme is switched off: rewards cannot be redeemed"])
      expect((await api.get("/store/post-purchase/loyalty/programme", storeHeaders())).data).toEqual({ programme: { enabled: false } })
      expect((await loyalty().accountOf(store.customer.id))!.available).toBe(900)
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
