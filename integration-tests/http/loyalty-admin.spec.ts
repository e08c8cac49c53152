import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCustomerGroupsWorkflow, createCustomersWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPPING_ADDRESS, type SeededStore } from "../../scripts/fixtures/store"
import { LOYALTY_MODULE } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { DEFAULT_LOYALTY_SETTINGS, type LoyaltySettings } from "../../src/modules/loyalty/settings"
import { claimReferralWorkflow } from "../../src/workflows/loyalty/claim-referral"
import { countReferralWorkflow } from "../../src/workflows/loyalty/count-referral"
import { earnOrderPointsWorkflow } from "../../src/workflows/loyalty/earn-order-points"
import { recordPointsAdjustmentStep } from "../../src/workflows/loyalty/steps/record-points-adjustment"
import { updateLoyaltyProgrammeStep } from "../../src/workflows/loyalty/steps/update-loyalty-programme"
import { freshTestStore, restorePluginOptions, testAppEnv } from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

const SETTINGS = "/admin/post-purchase/loyalty/settings"
const UNKNOWN_CUSTOMER = "cus_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"

// the real steps and one that fails after them, to see the engine compensate them
const failAfterLoyaltyStep = createStep("pp-test-fail-after-loyalty", async () => {
  throw new Error("a later step failed")
})
const adjustAndSaveThenFailWorkflow = createWorkflow(
  "pp-test-adjust-and-save-then-fail",
  (input: { customer_id: string; points: number; reason: string; created_by: string; settings: LoyaltySettings }) => {
    recordPointsAdjustmentStep({ customer_id: input.customer_id, points: input.points, reason: input.reason, created_by: input.created_by })
    updateLoyaltyProgrammeStep({ settings: input.settings, by: input.created_by })
    failAfterLoyaltyStep()
    return new WorkflowResponse(true)
  }
)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)
    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const adminId = () => JSON.parse(Buffer.from(admin.headers.authorization.split(".")[1], "base64url").toString()).actor_id as string
    const customerUrl = (id = store.customer.id) => `/admin/post-purchase/customers/${id}/loyalty`

    it("round-trips the programme with the customer groups a tier maps to, and refuses each bad field by its path, saving nothing", async () => {
      const {
        result: [gold],
      } = await createCustomerGroupsWorkflow(getContainer()).run({ input: { customersData: [{ name: "Gold members" }] } })

      const first = await api.get(SETTINGS, admin)
      expect(first.data.settings).toEqual(DEFAULT_LOYALTY_SETTINGS)
      expect(first.data.settings.enabled).toBe(false)
      expect([first.data.updated_by, first.data.updated_at]).toEqual([null, null])
      expect(first.data.customer_groups).toEqual([{ id: gold.id, name: "Gold members" }])

      const programme: LoyaltySettings = {
        ...DEFAULT_LOYALTY_SETTINGS,
        enabled: true,
        earn_rates: [
          { currency_code: "eur", points_per_unit: 2, include_shipping: true, include_tax: false },
          { currency_code: "usd", points_per_unit: 1, include_shipping: false, include_tax: true },
        ],
        rewards: [
          { id: "ten-off", name: "€10 off", points_cost: 1000, discount: { kind: "fixed", value: 10, currency_code: "eur" }, expires_in_days: 60 },
          { id: "fifteen-percent", name: "15% off", points_cost: 1500, discount: { kind: "percentage", value: 15, currency_code: null }, expires_in_days: 30 },
        ],
        tiers: {
          basis: "points",
          currency_code: null,
          levels: [
            { id: "silver", name: "Silver", threshold: 500, customer_group_id: null, multiplier: 1.25 },
            { id: "gold", name: "Gold", threshold: 2000, customer_group_id: gold.id, multiplier: 1.5 },
          ],
        },
        expiry: { months: 24, mode: "oldest_first", reminder_days: 30 },
        bonuses: { signup: 100, first_order: 50, approved_review: 25 },
        referrals: { enabled: true, referrer_points: 200, discount: { kind: "fixed", value: 5, currency_code: "eur" } },
      }
      const saved = await api.post(SETTINGS, programme, admin)
      expect(saved.status).toBe(200)
      expect(saved.data.settings).toEqual(programme)
      expect(saved.data.updated_by).toBe(`user:${adminId()}`)
      const again = await api.get(SETTINGS, admin)
      expect(again.data.settings).toEqual(programme)
      expect(new Date(again.data.updated_at).getTime()).toBeGreaterThan(Date.now() - 60_000)
      expect((await loyalty().loyaltyProgramme()).settings).toEqual(programme)

      const withRate = (rate: Record<string, unknown>) => ({ ...programme, earn_rates: [{ ...programme.earn_rates[0], ...rate }] })
      const withReward = (discount: Record<string, unknown>) => ({
        ...programme,
        rewards: [{ ...programme.rewards[0], discount: { ...programme.rewards[0].discount, ...discount } }],
      })
      const cases: [unknown, string][] = [
        [withRate({ currency_code: "EURO" }), `"earn_rates.0.currency_code": must be a lowercase ISO 4217 code like eur`],
        [withRate({ points_per_unit: 0 }), `"earn_rates.0.points_per_unit": must be more than 0`],
        [{ ...programme, rewards: [programme.rewards[0], { ...programme.rewards[1], id: "ten-off" }] }, `"rewards.1": reward id "ten-off" appears twice`],
        [withReward({ kind: "percentage", value: 150, currency_code: null }), `"rewards.0.discount.value": must be at most 100 for a percentage`],
        [withReward({ kind: "fixed", currency_code: null }), `"rewards.0.discount.currency_code": is required for an amount off`],
        [
          { ...programme, tiers: { ...programme.tiers, levels: [programme.tiers.levels[0], { ...programme.tiers.levels[1], customer_group_id: "cusgroup_gone" }] } },
          `"tiers.levels.1.customer_group_id": there is no customer group with the id "cusgroup_gone"`,
        ],
        [{ ...programme, points_per_euro: 3 }, `"points_per_euro": Unrecognized key: "points_per_euro"`],
      ]
      for (const [body, message] of cases) {
        const response = await refused(api.post(SETTINGS, body, admin))
        expect({ message, status: response.status }).toEqual({ message, status: 400 })
        expect(response.data.message).toContain(message)
      }
      // every bad field at once, not only Medusa's first three
      const many = await refused(
        api.post(SETTINGS, { ...withRate({ currency_code: "EURO", points_per_unit: 0 }), expiry: { months: -1, mode: "never", reminder_days: 1.5 } }, admin)
      )
      expect(many.status).toBe(400)
      for (const path of ["earn_rates.0.currency_code", "earn_rates.0.points_per_unit", "expiry.months", "expiry.mode", "expiry.reminder_days"]) {
        expect(many.data.message).toContain(`"${path}": `)
      }
      expect((await api.get(SETTINGS, admin)).data.settings).toEqual(programme)
    })

    it("an admin's adjustment is a ledger line with the reason and the admin, moves available and lifetime, and bad adjustments are refused by field", async () => {
      const silver = { id: "silver", name: "Silver", threshold: 100, customer_group_id: null, multiplier: 1 }
      await api.post(SETTINGS, { ...DEFAULT_LOYALTY_SETTINGS, enabled: true, tiers: { basis: "points", currency_code: null, levels: [silver] } }, admin)
      const empty = await api.get(customerUrl(), admin)
      expect(empty.data).toEqual({
        account: { available: 0, pending: 0, lifetime: 0, tier: null, referral_code: null },
        tier_progress: { tier: null, next_tier: { id: "silver", name: "Silver", threshold: 100, remaining: 100 }, earned_in_window: 0, window_months: 12 },
        expiring: null,
        entries: [],
        count: 0,
        limit: 10,
        offset: 0,
      })

      const given = await api.post(`${customerUrl()}/adjustments`, { points: 50, reason: "Parcel arrived late" }, admin)
      expect(given.status).toBe(200)
      expect(given.data.entry).toEqual(
        expect.objectContaining({ type: "adjust", points: 50, available_delta: 50, lifetime_delta: 50, pending_delta: 0, reason: "Parcel arrived late", created_by: `user:${adminId()}` })
      )
      const read = await api.get(customerUrl(), admin)
      expect(read.data.account).toEqual(expect.objectContaining({ available: 50, pending: 0, lifetime: 50, tier: null }))
      expect(read.data.account.referral_code).toMatch(/^[A-Z2-9]{8}$/)
      expect(read.data.count).toBe(1)
      expect(read.data.tier_progress).toEqual(expect.objectContaining({ next_tier: expect.objectContaining({ remaining: 50 }), earned_in_window: 50 }))
      expect(read.data.entries).toEqual([
        expect.objectContaining({ type: "adjust", points: 50, reason: "Parcel arrived late", order_id: null, created_by: `user:${adminId()}` }),
      ])

      const refusals: [unknown, number, RegExp][] = [
        [{ points: 10 }, 400, /reason/],
        [{ points: 10, reason: "   " }, 400, /^Invalid request: reason is required: say why the balance changes$/],
        [{ points: 10, reason: "x".repeat(501) }, 400, /reason can be at most 500 characters/],
        [{ points: 0, reason: "Nothing" }, 400, /points cannot be 0/],
        [{ points: 2.5, reason: "Half" }, 400, /points must be a whole number/],
        [{ points: "ten", reason: "Text" }, 400, /points/],
        [{ points: -1000, reason: "Too much" }, 400, /^points would take the balance below 0: Not enough points: 50 available, 1000 needed$/],
      ]
      for (const [body, status, message] of refusals) {
        const response = await refused(api.post(`${customerUrl()}/adjustments`, body, admin))
        expect({ body, status: response.status }).toEqual({ body, status })
        expect(response.data.message).toMatch(message)
      }
      const unknown = await refused(api.post(`${customerUrl(UNKNOWN_CUSTOMER)}/adjustments`, { points: 5, reason: "Nobody" }, admin))
      expect(unknown.status).toBe(404)
      expect((await refused(api.get(customerUrl(UNKNOWN_CUSTOMER), admin))).status).toBe(404)

      // a correction that takes points leaves the history with both lines, newest first, and pages through it
      await api.post(`${customerUrl()}/adjustments`, { points: -20, reason: "Duplicate goodwill" }, admin)
      const page = await api.get(`${customerUrl()}?limit=1&offset=1`, admin)
      expect(page.data.count).toBe(2)
      expect(page.data.entries.map((e: any) => [e.points, e.reason])).toEqual([[50, "Parcel arrived late"]])
      const corrected = (await api.get(customerUrl(), admin)).data
      expect(corrected.account).toEqual(expect.objectContaining({ available: 30, lifetime: 30 }))
      // taking points back does not lower what counts for the tier, as in the customer's own view
      expect(corrected.tier_progress.earned_in_window).toBe(50)
      expect((await refused(api.get(`${customerUrl()}?limit=500`, admin))).data.message).toMatch(/limit must be a whole number from 1 to 100/)

      expect(await loyalty().recountBalances(store.customer.id)).toEqual({ available: 30, pending: 0, lifetime: 30 })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("a failure after an adjustment and a save undoes both: an opposite entry credited to the same admin, never a deletion, and the previous programme", async () => {
      const saved = { ...DEFAULT_LOYALTY_SETTINGS, enabled: true }
      await api.post(SETTINGS, saved, admin)
      await api.post(`${customerUrl()}/adjustments`, { points: 40, reason: "Welcome gift" }, admin)

      const failed = await adjustAndSaveThenFailWorkflow(getContainer()).run({
        input: {
          customer_id: store.customer.id,
          points: -30,
          reason: "Taken by mistake",
          created_by: "user:user_other",
          settings: { ...saved, bonuses: { signup: 999, first_order: 0, approved_review: 0 } },
        },
        throwOnError: false,
      })
      expect(failed.errors.map((error: any) => error.error.message)).toEqual(["a later step failed"])

      const { data } = await api.get(customerUrl(), admin)
      expect(data.account).toEqual(expect.objectContaining({ available: 40, lifetime: 40 }))
      expect(data.entries.map((e: any) => [e.type, e.points, e.reason, e.created_by])).toEqual([
        ["revert", 30, "Undone (the adjustment did not complete): Taken by mistake", "user:user_other"],
        ["adjust", -30, "Taken by mistake", "user:user_other"],
        ["adjust", 40, "Welcome gift", `user:${adminId()}`],
      ])
      const programme = (await api.get(SETTINGS, admin)).data
      expect(programme.settings).toEqual(saved)
      expect(programme.updated_by).toBe(`user:${adminId()}`)
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("the order's view gives the buyer's points as the order's, and apart from them the referral bonus it holds for the member who referred the buyer, named, with that member's totals", async () => {
      const container = getContainer()
      await api.post(
        SETTINGS,
        {
          ...DEFAULT_LOYALTY_SETTINGS,
          enabled: true,
          earn_rates: [{ currency_code: "eur", points_per_unit: 1, include_shipping: false, include_tax: false }],
          referrals: { enabled: true, referrer_points: 200, discount: { kind: "percentage", value: 10, currency_code: null } },
        },
        admin
      )
      const {
        result: [rita, bram],
      } = await createCustomersWorkflow(container).run({
        input: {
          customersData: [
            { email: "rita@example.com", first_name: "Rita", last_name: "Referrer", has_account: true },
            { email: "bram@example.com", first_name: "Bram", has_account: true },
          ],
        },
      })
      const { result: referral } = await claimReferralWorkflow(container).run({
        input: { referral_code: (await loyalty().ensureAccount(rita.id)).referral_code, email: bram.email },
      })
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id: store.region_id,
          sales_channel_id: store.sales_channel_id,
          currency_code: "eur",
          email: bram.email,
          customer_id: bram.id,
          shipping_address: SHIPPING_ADDRESS,
          billing_address: SHIPPING_ADDRESS,
          items: [{ variant_id: store.variants[0].id, quantity: 1 }],
          promo_codes: [referral.code],
        } as any,
      })
      // what the order.placed subscribers run
      await earnOrderPointsWorkflow(container).run({ input: { order_id: order.id } })
      expect((await countReferralWorkflow(container).run({ input: { order_id: order.id } })).result.outcome).toBe("counted")
      const earn = (await loyalty().orderLedger(order.id)).find((entry) => entry.type === "earn")!
      expect(earn).toEqual(expect.objectContaining({ customer_id: bram.id, points: expect.any(Number) }))
      expect(earn.points).toBeGreaterThan(0)

      const { data: view } = await api.get(`/admin/post-purchase/orders/${order.id}/loyalty`, admin)
      expect(view).toEqual({
        customer_id: bram.id,
        earned: earn.points,
        confirmed: 0,
        reverted: 0,
        pending: earn.points,
        entries: [expect.objectContaining({ customer_id: bram.id, type: "earn", points: earn.points })],
        referrers: [
          {
            customer_id: rita.id,
            name: "Rita Referrer",
            email: "rita@example.com",
            earned: 200,
            confirmed: 0,
            reverted: 0,
            pending: 200,
            entries: [expect.objectContaining({ customer_id: rita.id, type: "bonus", points: 200 })],
          },
        ],
      })
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
