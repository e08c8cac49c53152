import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { POST_PURCHASE_MODULE } from ".."
import { FlowSetting } from "../models/flow-setting"
import { Followup } from "../models/followup"
import { OrderAnchor } from "../models/order-anchor"
import PostPurchaseModuleService from "../service"
import type { NewFollowup } from "../types"

jest.setTimeout(60_000)

const MINUTE = 60_000

/** Fake timers for `Date` only; everything the database driver needs keeps running. */
const NOT_DATE = [
  "hrtime",
  "nextTick",
  "performance",
  "queueMicrotask",
  "setImmediate",
  "clearImmediate",
  "setInterval",
  "clearInterval",
  "setTimeout",
  "clearTimeout",
] as const

function newFollowup(n: number, overrides: Partial<NewFollowup> = {}): NewFollowup {
  const anchor = new Date(Date.now() - 10 * MINUTE)
  return {
    flow: "thank-you",
    step: 0,
    order_id: `order_${n}`,
    customer_id: `cus_${n}`,
    email: `buyer${n}@example.com`,
    anchor_event: "order.placed",
    anchor_at: anchor,
    send_at: anchor,
    idempotency_key: `order_${n}:thank-you:0`,
    ...overrides,
  }
}

moduleIntegrationTestRunner<PostPurchaseModuleService>({
  moduleName: POST_PURCHASE_MODULE,
  resolve: "./src/modules/post-purchase",
  moduleModels: [Followup, FlowSetting, OrderAnchor],
  testSuite: ({ service }) => {
    describe("scheduling", () => {
      it("creates a follow-up once per idempotency key, however often it is asked", async () => {
        const first = await service.createMissingFollowups([newFollowup(1)])
        const again = await service.createMissingFollowups([newFollowup(1), newFollowup(2)])

        expect(first).toHaveLength(1)
        expect(again.map((r) => r.idempotency_key)).toEqual(["order_2:thank-you:0"])
        const rows = await service.listFollowups({ order_id: ["order_1", "order_2"] })
        expect(rows).toHaveLength(2)
        expect(rows.every((r) => r.status === "scheduled" && r.attempts === 0)).toBe(true)
      })

      it("keeps one row when the same follow-up is scheduled concurrently", async () => {
        const results = await Promise.all(
          Array.from({ length: 6 }, () => service.createMissingFollowups([newFollowup(7)]))
        )
        expect(results.flat()).toHaveLength(1)
        expect(await service.listFollowups({ order_id: "order_7" })).toHaveLength(1)
      })

      it("rejects a second row with the same key through the generated CRUD too", async () => {
        await service.createFollowups(newFollowup(3))
        await expect(service.createFollowups(newFollowup(3))).rejects.toThrow(/idempotency_key/)
      })
    })

    describe("claiming due follow-ups", () => {
      it("gives each due row to exactly one of several concurrent claims", async () => {
        await service.createMissingFollowups(Array.from({ length: 60 }, (_, i) => newFollowup(100 + i)))

        const claims = await Promise.all(
          Array.from({ length: 4 }, () => service.claimDueFollowups({ limit: 25, leaseSeconds: 300 }))
        )
        const ids = claims.flat().map((row) => row.id)

        expect(ids).toHaveLength(60)
        expect(new Set(ids).size).toBe(60)
        const rows = await service.listFollowups({ id: ids })
        expect(rows.every((r) => r.status === "sending" && r.attempts === 1)).toBe(true)
      })

      it("leaves rows that are not due yet, and respects the limit", async () => {
        const later = new Date(Date.now() + 60 * MINUTE)
        await service.createMissingFollowups([
          newFollowup(1),
          newFollowup(2),
          newFollowup(3, { send_at: later }),
        ])

        const lease = { leaseSeconds: 3 * 60 * 60 }
        const firstClaim = await service.claimDueFollowups({ limit: 1, ...lease })
        const secondClaim = await service.claimDueFollowups({ limit: 10, ...lease })
        const thirdClaim = await service.claimDueFollowups({ limit: 10, ...lease })

        expect(firstClaim).toHaveLength(1)
        expect(secondClaim).toHaveLength(1)
        expect(thirdClaim).toHaveLength(0)
        expect(firstClaim[0].order_id).not.toBe(secondClaim[0].order_id)

        const nowDue = await service.claimDueFollowups({
          limit: 10,
          ...lease,
          now: new Date(later.getTime() + MINUTE),
        })
        expect(nowDue.map((r) => r.order_id)).toEqual(["order_3"])
      })

      it("reclaims a sending row only after its worker's lease ran out", async () => {
        await service.createMissingFollowups([newFollowup(1)])
        const [claimed] = await service.claimDueFollowups({ limit: 10, leaseSeconds: 120 })

        expect(await service.claimDueFollowups({ limit: 10, leaseSeconds: 120 })).toHaveLength(0)

        const afterLease = new Date(Date.now() + 3 * MINUTE)
        const [reclaimed] = await service.claimDueFollowups({ limit: 10, leaseSeconds: 120, now: afterLease })
        expect(reclaimed.id).toBe(claimed.id)
        expect(reclaimed.attempts).toBe(2)
      })

      it("returns at most the limit, taking rows whose lease ran out before due ones", async () => {
        await service.createMissingFollowups(Array.from({ length: 6 }, (_, i) => newFollowup(200 + i)))
        const stuck = await service.claimDueFollowups({ limit: 3, leaseSeconds: 60 })
        expect(stuck).toHaveLength(3)

        const afterLease = new Date(Date.now() + 2 * MINUTE)
        const claimed = await service.claimDueFollowups({ limit: 4, leaseSeconds: 60, now: afterLease })

        expect(claimed).toHaveLength(4)
        expect(claimed.filter((row) => row.claimed_from === "sending").map((row) => row.id).sort()).toEqual(
          stuck.map((row) => row.id).sort()
        )
        expect(claimed.filter((row) => row.claimed_from === "scheduled")).toHaveLength(1)
      })

      it("counts due times and leases by the database's clock, not this process's", async () => {
        const dbNow = await service.databaseNow()
        await service.createMissingFollowups([
          newFollowup(1, { send_at: new Date(dbNow.getTime() + 5 * MINUTE) }),
          newFollowup(2, { send_at: new Date(dbNow.getTime() - MINUTE) }),
        ])
        const [held] = await service.claimDueFollowups({ limit: 10, leaseSeconds: 120 })
        expect(held.order_id).toBe("order_2")
        const leaseMs = new Date(held.locked_until!).getTime() - dbNow.getTime()
        expect(leaseMs).toBeGreaterThanOrEqual(120_000)
        expect(leaseMs).toBeLessThan(125_000)

        // this machine's clock runs ten minutes ahead: nothing is due yet and the lease still holds
        jest.useFakeTimers({ now: Date.now() + 10 * MINUTE, doNotFake: NOT_DATE })
        try {
          expect(await service.claimDueFollowups({ limit: 10, leaseSeconds: 120 })).toEqual([])
        } finally {
          jest.useRealTimers()
        }
      })

      it("claims only the given follow-ups when ids are passed", async () => {
        const created = await service.createMissingFollowups([newFollowup(1), newFollowup(2)])
        const claimed = await service.claimDueFollowups({ limit: 10, leaseSeconds: 300, ids: [created[1].id] })
        expect(claimed.map((r) => r.id)).toEqual([created[1].id])
      })
    })

    describe("writing outcomes and changing status", () => {
      it("writes a worker's outcome only while it still holds the lease", async () => {
        await service.createMissingFollowups([newFollowup(1)])
        const [first] = await service.claimDueFollowups({ limit: 10, leaseSeconds: 60 })
        const [second] = await service.claimDueFollowups({
          limit: 10,
          leaseSeconds: 60,
          now: new Date(Date.now() + 2 * MINUTE),
        })
        expect(second.id).toBe(first.id)

        const stale = await service.recordOutcomes([{ id: first.id, status: "failed", last_error: "late" }], [first])
        const current = await service.recordOutcomes([{ id: second.id, status: "sent", sent_at: new Date() }], [second])

        expect(stale).toEqual([])
        expect(current).toEqual([second.id])
        const [row] = await service.listFollowups({ id: first.id })
        expect(row).toEqual(expect.objectContaining({ status: "sent", last_error: null }))
      })

      it("changes only rows still in an expected status", async () => {
        const created = await service.createMissingFollowups([newFollowup(1), newFollowup(2)])
        await service.claimDueFollowups({ limit: 10, leaseSeconds: 300, ids: [created[0].id] })

        const changed = await service.transitionFollowups(
          created.map((row) => row.id),
          ["scheduled"],
          { status: "canceled", status_reason: "test" }
        )

        expect(changed).toEqual([created[1].id])
        const rows = await service.listFollowups({ id: created.map((row) => row.id) })
        expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
          [created[0].id]: "sending",
          [created[1].id]: "canceled",
        })
      })
    })

    describe("order anchors", () => {
      it("keeps the first reported time of an anchor and says which rows a call added", async () => {
        const first = new Date("2026-11-20T10:00:00.000Z")
        const [recorded] = await service.recordOrderAnchors([
          { order_id: "order_1", anchor: "placed", occurred_at: first, source: "event" },
        ])
        const again = await service.recordOrderAnchors([
          { order_id: "order_1", anchor: "placed", occurred_at: new Date("2026-11-22T10:00:00.000Z"), source: "reconciliation" },
          { order_id: "order_2", anchor: "placed", occurred_at: first, source: "reconciliation" },
        ])

        expect(recorded).toMatch(/^ppan_/)
        const stored = await service.listOrderAnchors({ order_id: ["order_1", "order_2"] })
        const byOrder = Object.fromEntries(stored.map((a) => [a.order_id, a]))
        expect(byOrder.order_1).toEqual(expect.objectContaining({ id: recorded, occurred_at: first, source: "event" }))
        expect(again).toEqual([byOrder.order_2.id])
        expect(await service.earliestAnchorAt()).toBeInstanceOf(Date)
      })
    })

    describe("configuration errors", () => {
      it("reports the follow-ups they hold up, and makes them due once sending works again", async () => {
        expect(await service.deliveryProblem()).toBeNull()
        const since = new Date(Date.now() - 30 * MINUTE)
        const later = new Date(Date.now() + 45 * MINUTE)
        const created = await service.createMissingFollowups([newFollowup(1), newFollowup(2), newFollowup(3)])
        await service.updateFollowups(
          created.slice(0, 2).map((row) => ({
            id: row.id,
            send_at: later,
            config_error_since: since,
            last_error: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked",
          }))
        )

        const problem = await service.deliveryProblem()
        expect(problem).toEqual(
          expect.objectContaining({
            kind: "configuration",
            waiting: 2,
            since,
            cause: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked",
            retry_until: new Date(since.getTime() + 24 * 60 * MINUTE),
          })
        )

        expect(await service.pullForwardConfigErrorWaits()).toBe(2)
        const claimed = await service.claimDueFollowups({ limit: 10, leaseSeconds: 60 })
        expect(claimed.map((row) => row.id).sort()).toEqual(created.map((row) => row.id).sort())
      })
    })
  },
})
