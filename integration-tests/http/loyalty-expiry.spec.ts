import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "../../scripts/fixtures/store"
import { DAY_MS, freshTestStore, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"
import { customerHeaders } from "../helpers/admin"
import { addMonths } from "../../src/lib/loyalty-expiry"
import { LOYALTY_MODULE, LoyaltyEvents, type LoyaltySettingsInput, type PointsExpiringData } from "../../src/modules/loyalty"
import type LoyaltyModuleService from "../../src/modules/loyalty/service"
import { expireLoyaltyPointsWorkflow } from "../../src/workflows/loyalty/expire-points"

jest.setTimeout(180_000)

testAppEnv()
// the daily jobs run only when a test runs them
process.env.PP_LOYALTY_CONFIRM_INTERVAL_MS = String(DAY_MS)
process.env.PP_LOYALTY_TIERS_INTERVAL_MS = String(DAY_MS)
process.env.PP_LOYALTY_EXPIRY_INTERVAL_MS = String(DAY_MS)

const HOUR_MS = 60 * 60 * 1000

const programme = (mode: "inactivity" | "oldest_first"): LoyaltySettingsInput => ({
  enabled: true,
  expiry: { months: 12, mode, reminder_days: 14 },
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer())))
    afterEach(() => restorePluginOptions())

    const loyalty = () => getContainer().resolve<LoyaltyModuleService>(LOYALTY_MODULE)
    const expireAt = async (now: Date) => (await expireLoyaltyPointsWorkflow(getContainer()).run({ input: { now: now.toISOString() } })).result
    const give = (customerId: string, points: number, reason: string) =>
      api.post(`/admin/post-purchase/customers/${customerId}/loyalty/adjustments`, { points, reason }, admin)
    const balances = async (customerId: string) => {
      const account = (await loyalty().accountOf(customerId))!
      return { available: account.available, pending: account.pending, lifetime: account.lifetime }
    }
    const expireLines = async (customerId: string) =>
      (await loyalty().listLedger(customerId, { limit: 50, offset: 0 })).entries
        .filter((entry) => entry.type === "expire")
        .map((entry) => [entry.points, entry.available_delta, entry.lifetime_delta])

    const remindersOf = () => {
      const reminded: PointsExpiringData[] = []
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe(LoyaltyEvents.POINTS_EXPIRING, async (event: any) => {
          reminded.push(event.data)
        })
      return reminded
    }

    it("inactivity: twelve months without activity expire every available point in one entry, after one reminder fourteen days before; running again changes nothing", async () => {
      const container = getContainer()
      const { customer: anna, headers } = await customerHeaders(container, store.publishable_key, "anna.member@example.com")
      await loyalty().saveLoyaltyProgramme({ settings: programme("inactivity"), by: null })
      const reminded = remindersOf()

      expect((await give(anna.id, 300, "Welcome gift")).status).toBe(200)
      // spending is activity too: the twelve months count from it
      await loyalty().recordEntries([{ customer_id: anna.id, type: "redeem", points: -50, available_delta: -50, reason: "€5 off", reward_id: "five-off" }], {
        requireAvailable: true,
      })
      const { last_activity_at } = (await loyalty().accountOf(anna.id))!
      const expiresAt = addMonths(new Date(last_activity_at!), 12)

      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers })
      expect(mine.loyalty.expiring).toEqual({ points: 250, expires_at: expiresAt.toISOString() })

      // more than fourteen days before: nothing
      expect(await expireAt(new Date(expiresAt.getTime() - 14 * DAY_MS - HOUR_MS))).toEqual({ expired: [], reminded: [] })
      // fourteen days before: the reminder, once
      const reminder = { customer_id: anna.id, points: 250, expires_at: expiresAt.toISOString() }
      expect(await expireAt(new Date(expiresAt.getTime() - 14 * DAY_MS + HOUR_MS))).toEqual({ expired: [], reminded: [reminder] })
      expect(await expireAt(new Date(expiresAt.getTime() - 14 * DAY_MS + 2 * HOUR_MS))).toEqual({ expired: [], reminded: [] })
      // eleven months and twenty-nine days: still nothing expires
      expect(await expireAt(new Date(expiresAt.getTime() - DAY_MS))).toEqual({ expired: [], reminded: [] })
      expect(await balances(anna.id)).toEqual({ available: 250, pending: 0, lifetime: 300 })

      // twelve months: all 250 go in one entry; lifetime stays what she earned
      const { expired } = await expireAt(new Date(expiresAt.getTime() + HOUR_MS))
      expect(expired).toEqual([{ customer_id: anna.id, points: 250, entry_id: expect.stringMatching(/^pple_/) }])
      expect(await balances(anna.id)).toEqual({ available: 0, pending: 0, lifetime: 300 })
      expect(await expireLines(anna.id)).toEqual([[-250, -250, 0]])
      // the expiry is not activity: her last activity is still the redemption
      expect((await loyalty().accountOf(anna.id))!.last_activity_at).toEqual(last_activity_at)

      // the job again, the same day and the next: nothing more
      expect(await expireAt(new Date(expiresAt.getTime() + 2 * HOUR_MS))).toEqual({ expired: [], reminded: [] })
      expect(await expireAt(new Date(expiresAt.getTime() + DAY_MS))).toEqual({ expired: [], reminded: [] })
      expect(await expireLines(anna.id)).toEqual([[-250, -250, 0]])

      // her points history tells why in the storefront's language; the admin's own words stay as typed
      const reasons = async (locale: string) =>
        (await api.get("/store/post-purchase/loyalty", { headers: { ...headers, "x-medusa-locale": locale } })).data.loyalty.history.map(
          (line: { type: string; reason: string }) => [line.type, line.reason]
        )
      expect(await reasons("nl-NL")).toEqual([
        ["expire", "12 maanden geen punten verdiend of uitgegeven"],
        ["redeem", "€5 off"],
        ["adjust", "Welcome gift"],
      ])
      expect((await reasons("de-DE"))[0]).toEqual(["expire", "12 Monate lang keine Punkte gesammelt oder eingelöst"])
      // the ledger keeps the English text, which the admin reads
      const { data: inAdmin } = await api.get(`/admin/post-purchase/customers/${anna.id}/loyalty`, admin)
      expect(inAdmin.entries[0].reason).toBe("No points earned or spent for 12 months")

      await waitFor(async () => reminded.length > 0, "loyalty.points_expiring")
      expect(reminded).toEqual([reminder])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })

    it("oldest first: what was spent comes off the older batch, whose remainder expires first, then the newer one", async () => {
      const container = getContainer()
      const { customer: anna, headers } = await customerHeaders(container, store.publishable_key, "anna.member@example.com")
      await loyalty().saveLoyaltyProgramme({ settings: programme("oldest_first"), by: null })

      expect((await give(anna.id, 300, "Welcome gift")).status).toBe(200)
      // the batches are told apart by when they were credited
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await give(anna.id, 200, "Store event")).status).toBe(200)
      await loyalty().recordEntries([{ customer_id: anna.id, type: "redeem", points: -100, available_delta: -100, reason: "€10 off", reward_id: "ten-off" }], {
        requireAvailable: true,
      })
      const credited = (await loyalty().listLedger(anna.id, { limit: 10, offset: 0 })).entries
        .filter((entry) => entry.type === "adjust")
        .map((entry) => addMonths(new Date(entry.created_at), 12))
        .sort((a, b) => a.getTime() - b.getTime())
      const [older, newer] = credited
      expect(newer.getTime() - older.getTime()).toBeGreaterThanOrEqual(1000)

      // 300 − 100 spent = 200 of the older batch, 200 of the newer
      const { data: mine } = await api.get("/store/post-purchase/loyalty", { headers })
      expect(mine.loyalty.expiring).toEqual({ points: 400, expires_at: newer.toISOString() })

      expect(await expireAt(new Date(older.getTime() - 60_000))).toEqual(expect.objectContaining({ expired: [] }))
      const between = new Date(older.getTime() + 1)
      expect((await expireAt(between)).expired).toEqual([expect.objectContaining({ customer_id: anna.id, points: 200 })])
      expect(await balances(anna.id)).toEqual({ available: 200, pending: 0, lifetime: 500 })
      expect((await expireAt(between)).expired).toEqual([])

      expect((await expireAt(new Date(newer.getTime() + 1))).expired).toEqual([expect.objectContaining({ customer_id: anna.id, points: 200 })])
      expect(await balances(anna.id)).toEqual({ available: 0, pending: 0, lifetime: 500 })
      expect(await expireLines(anna.id)).toEqual([
        [-200, -200, 0],
        [-200, -200, 0],
      ])
      expect((await expireAt(new Date(newer.getTime() + DAY_MS))).expired).toEqual([])
      expect(await loyalty().inconsistentAccounts()).toEqual([])
    })
  },
})
