import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_MODULE, type DecidedLedgerEntry, type NewLedgerEntry } from ".."
import { LoyaltyAccount } from "../models/loyalty-account"
import { LoyaltyEntry } from "../models/loyalty-entry"
import { LoyaltyProgramme } from "../models/loyalty-settings"
import LoyaltyModuleService from "../service"
import { confirmLine as confirm, earnLine as earn } from "../../../../integration-tests/helpers/loyalty"

jest.setTimeout(60_000)

const ANNA = "cus_anna"
const BEN = "cus_ben"

const redeem = (customer_id: string, points: number, code: string): NewLedgerEntry => ({
  customer_id,
  type: "redeem",
  points: -points,
  available_delta: -points,
  reason: "€5 off",
  reward_id: "five-off",
  promotion_code: code,
})

moduleIntegrationTestRunner<LoyaltyModuleService>({
  moduleName: LOYALTY_MODULE,
  resolve: "./src/modules/loyalty",
  moduleModels: [LoyaltyAccount, LoyaltyEntry, LoyaltyProgramme],
  testSuite: ({ service }) => {
    /** The stored balances, after checking that they equal the ledger's sums. */
    const balances = async (customerId: string) => {
      const account = await service.accountOf(customerId)
      const stored = { available: account!.available, pending: account!.pending, lifetime: account!.lifetime }
      expect(stored).toEqual(await service.recountBalances(customerId))
      return stored
    }

    it("moves the balances with each entry and records an event delivered twice once", async () => {
      await service.recordEntries([earn(ANNA, "order_1", 120)])
      await service.recordEntries([earn(ANNA, "order_1", 120)])
      expect(await balances(ANNA)).toEqual({ available: 0, pending: 120, lifetime: 0 })

      const [confirmed] = await service.recordEntries([confirm(ANNA, "order_1", 120)])
      expect(confirmed).toEqual(expect.objectContaining({ type: "confirm", points: 120 }))
      expect(await balances(ANNA)).toEqual({ available: 120, pending: 0, lifetime: 120 })

      const { entries, count } = await service.listLedger(ANNA, { limit: 10, offset: 0 })
      expect(count).toBe(2)
      expect(entries.map((entry) => entry.type)).toEqual(["confirm", "earn"])
      expect(await service.ordersWithPendingPoints({ limit: 10 })).toEqual([])
      expect(await service.inconsistentAccounts()).toEqual([])
    })

    it("lists orders whose points are pending until they are confirmed", async () => {
      await service.recordEntries([earn(BEN, "order_b1", 40), earn(BEN, "order_b2", 60)])
      await service.recordEntries([confirm(BEN, "order_b1", 40)])
      expect(await service.ordersWithPendingPoints({ limit: 10 })).toEqual([{ order_id: "order_b2", customer_id: BEN, pending: 60 }])
    })

    it("never lets two redemptions at the same moment spend the same points", async () => {
      const customer = "cus_race"
      await service.recordEntries([earn(customer, "order_r", 500), confirm(customer, "order_r", 500)])
      const attempts = await Promise.allSettled(
        ["CODE-A", "CODE-B", "CODE-C"].map((code) => service.recordEntries([redeem(customer, 500, code)], { requireAvailable: true }))
      )
      expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1)
      const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected")
      expect(refused).toHaveLength(2)
      expect(refused[0].reason.message).toBe("Not enough points: 0 available, 500 needed")
      expect(await balances(customer)).toEqual({ available: 0, pending: 0, lifetime: 500 })
    })

    it("lets a reversal take the balance below zero when the points were already spent, and says so in the check", async () => {
      const customer = "cus_spent"
      await service.recordEntries([earn(customer, "order_s", 300), confirm(customer, "order_s", 300), redeem(customer, 300, "CODE-S")])
      await service.recordEntries([
        { customer_id: customer, type: "revert", points: -300, available_delta: -300, lifetime_delta: -300, reason: "Returned", order_id: "order_s" },
      ])
      expect(await balances(customer)).toEqual({ available: -300, pending: 0, lifetime: 0 })
      await expect(service.recordEntries([redeem(customer, 1, "CODE-T")], { requireAvailable: true })).rejects.toThrow(
        "Not enough points: -300 available, 1 needed"
      )
    })

    it("says per entry whether this call wrote it: a repeated key answers the stored entry, not created", async () => {
      const customer = "cus_created"
      const [first] = await service.recordEntries([earn(customer, "order_c1", 70)])
      expect(first).toEqual(expect.objectContaining({ type: "earn", points: 70, created: true }))
      const [again, other, unkeyed] = await service.recordEntries([
        earn(customer, "order_c1", 70),
        earn(customer, "order_c2", 30),
        { customer_id: customer, type: "bonus", points: 5, available_delta: 5, lifetime_delta: 5, reason: "Account created" },
      ])
      expect(again).toEqual(expect.objectContaining({ id: first.id, created: false }))
      expect([other.created, unkeyed.created]).toEqual([true, true])
      // the same key twice in one call: written once, the second answered as not created
      const twice = await service.recordEntries([earn(customer, "order_c3", 10), earn(customer, "order_c3", 10)])
      expect(twice.map((entry) => entry.created)).toEqual([true, false])
      expect(twice[1].id).toBe(twice[0].id)
      expect(await balances(customer)).toEqual({ available: 5, pending: 110, lifetime: 5 })
      expect(await service.inconsistentAccounts()).toEqual([])
    })

    it("reverts entries once, freeing their keys so a rerun writes them again", async () => {
      const customer = "cus_undo"
      const [earned, confirmed] = await service.recordEntries([earn(customer, "order_u", 200), confirm(customer, "order_u", 200)])
      expect(await balances(customer)).toEqual({ available: 200, pending: 0, lifetime: 200 })

      // undoing the confirmation puts the points back to pending and takes nothing from the customer
      const [undone] = await service.revertEntries([confirmed.id], "the workflow failed")
      expect(undone).toEqual(
        expect.objectContaining({
          type: "revert",
          points: 0,
          pending_delta: 200,
          available_delta: -200,
          lifetime_delta: -200,
          reason: "Undone (the workflow failed): Return window closed",
          order_id: "order_u",
          metadata: expect.objectContaining({ reverts: confirmed.id }),
          created: true,
        })
      )
      expect(await balances(customer)).toEqual({ available: 0, pending: 200, lifetime: 0 })
      // a compensation run twice undoes once
      const [twice] = await service.revertEntries([confirmed.id], "the workflow failed")
      expect(twice).toEqual(expect.objectContaining({ id: undone.id, created: false }))
      expect(await balances(customer)).toEqual({ available: 0, pending: 200, lifetime: 0 })

      // the rerun confirms again: the key is free, and the undone entry is still in the ledger
      const [reconfirmed] = await service.recordEntries([confirm(customer, "order_u", 200)])
      expect(reconfirmed).toEqual(expect.objectContaining({ type: "confirm", points: 200, created: true }))
      expect(reconfirmed.id).not.toBe(confirmed.id)
      expect(await balances(customer)).toEqual({ available: 200, pending: 0, lifetime: 200 })
      expect((await service.orderLedger("order_u")).map((entry) => [entry.type, entry.points])).toEqual([
        ["earn", 200],
        ["confirm", 200],
        ["revert", 0],
        ["confirm", 200],
      ])
      // undoing the old confirmation again changes nothing, whatever was written since under its key
      expect((await service.revertEntries([confirmed.id], "the workflow failed"))[0].created).toBe(false)
      expect(await balances(customer)).toEqual({ available: 200, pending: 0, lifetime: 200 })

      // an undone reversal gives back what it took
      const [taken] = await service.recordEntries([
        { customer_id: customer, type: "revert", points: -200, available_delta: -200, lifetime_delta: -200, reason: "Order returned", order_id: "order_u", idempotency_key: "revert:return:ret_1:cus_undo" },
      ])
      const [given] = await service.revertEntries([taken.id], "the workflow failed")
      expect(given).toEqual(expect.objectContaining({ type: "revert", points: 200, available_delta: 200, lifetime_delta: 200 }))
      expect(await balances(customer)).toEqual({ available: 200, pending: 0, lifetime: 200 })
      // points spent in between are never a reason to refuse an undo: the balance shows the debt
      await service.recordEntries([redeem(customer, 200, "SPENT-1")], { requireAvailable: true })
      const [retaken] = await service.revertEntries([given.id], "the workflow failed")
      expect(retaken).toEqual(expect.objectContaining({ created: true, available_delta: -200 }))
      expect(await balances(customer)).toEqual({ available: -200, pending: 0, lifetime: 0 })
      expect(earned.created).toBe(true)

      await expect(service.revertEntries(["pple_missing"], "the workflow failed")).rejects.toThrow("Loyalty entries not found: pple_missing")
      expect(await service.inconsistentAccounts()).toEqual([])
    })

    it("skips an expiry decided on an account that has changed since, and writes one decided on the account as it is", async () => {
      const customer = "cus_expiry"
      await service.recordEntries([earn(customer, "order_e", 100), confirm(customer, "order_e", 100)])
      const read = (await service.accountOf(customer))!
      const expire = (decided_on: { available: number; last_activity_at: Date | string | null }): DecidedLedgerEntry => ({
        customer_id: customer,
        type: "expire",
        points: -read.available,
        available_delta: -read.available,
        reason: "No points earned or spent for 12 months",
        idempotency_key: `expire:${customer}:${new Date(read.last_activity_at!).toISOString()}`,
        decided_on,
      })
      const decided = expire({ available: read.available, last_activity_at: read.last_activity_at })

      // between the job's read and its write, the member gets a bonus: newer activity
      await service.recordEntries([{ customer_id: customer, type: "bonus", points: 25, available_delta: 25, lifetime_delta: 25, reason: "Approved review" }])
      const [skipped] = await service.recordEntries([decided], { requireAvailable: true })
      expect(skipped).toEqual(expect.objectContaining({ id: null, created: false, skipped: "account_changed" }))
      expect(await balances(customer)).toEqual({ available: 125, pending: 0, lifetime: 125 })
      expect((await service.listLedger(customer, { limit: 10, offset: 0 })).entries.map((entry) => entry.type)).not.toContain("expire")

      // other points available, no activity (an admin took some): also skipped
      const now = (await service.accountOf(customer))!
      await service.recordEntries([{ customer_id: customer, type: "adjust", points: -5, available_delta: -5, lifetime_delta: -5, reason: "Correction" }])
      const [stale] = await service.recordEntries([expire({ available: now.available, last_activity_at: now.last_activity_at })])
      expect(stale.created).toBe(false)
      expect(await balances(customer)).toEqual({ available: 120, pending: 0, lifetime: 120 })

      // decided on the account as it is (its date a string, as a workflow passes it on): written
      const current = (await service.accountOf(customer))!
      const [written] = await service.recordEntries([
        { ...expire({ available: current.available, last_activity_at: new Date(current.last_activity_at!).toISOString() }), points: -120, available_delta: -120 },
      ])
      expect(written).toEqual(expect.objectContaining({ type: "expire", points: -120, created: true }))
      expect(await balances(customer)).toEqual({ available: 0, pending: 0, lifetime: 120 })
      expect(await service.inconsistentAccounts()).toEqual([])
    })

    it("refuses an entry without a reason or with a fractional amount", async () => {
      await expect(service.recordEntries([{ ...earn(ANNA, "order_x", 10), reason: "  " }])).rejects.toThrow('"reason" must be 1 to 500 characters')
      await expect(service.recordEntries([earn(ANNA, "order_y", 2.5)])).rejects.toThrow('"points" must be a whole number')
    })

    it("gives every account its own referral code and finds the account by it", async () => {
      const anna = await service.ensureAccount("cus_code_1")
      const ben = await service.ensureAccount("cus_code_2")
      expect(anna.referral_code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
      expect(anna.referral_code).not.toBe(ben.referral_code)
      expect((await service.accountByReferralCode(anna.referral_code.toLowerCase()))?.customer_id).toBe("cus_code_1")
      expect(await service.ensureAccount("cus_code_1")).toEqual(anna)
    })

    it("keeps the programme switched off until the shop saves it, and names every bad field", async () => {
      const before = await service.loyaltyProgramme()
      expect(before.settings.enabled).toBe(false)
      expect(before.settings.earn_rates).toEqual([{ currency_code: "eur", points_per_unit: 1, include_shipping: false, include_tax: false }])

      const saved = await service.saveLoyaltyProgramme({ settings: { ...before.settings, enabled: true }, by: "user:user_1" })
      expect(saved.settings.enabled).toBe(true)
      expect(saved.updated_by).toBe("user:user_1")

      await expect(
        service.saveLoyaltyProgramme({
          settings: {
            ...before.settings,
            earn_rates: [{ currency_code: "EUR", points_per_unit: 0 }],
            rewards: [{ id: "a", name: "A", points_cost: 0, discount: { kind: "percentage", value: 150 } }],
          },
          by: null,
        })
      ).rejects.toThrow(
        /"earn_rates\.0\.currency_code": must be a lowercase ISO 4217 code like eur; "earn_rates\.0\.points_per_unit": must be more than 0; "rewards\.0\.points_cost": must be at least 1; "rewards\.0\.discount\.value": must be at most 100 for a percentage/
      )
      expect((await service.loyaltyProgramme()).settings.enabled).toBe(true)
    })
  },
})
