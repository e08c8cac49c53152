import fs from "fs"
import path from "path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, convertDraftOrderWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, SHIPPING_ADDRESS, type SeededStore } from "../../scripts/fixtures/store"
import { reconcileOrderFollowupsWorkflow } from "../../src/workflows/reconcile-order-followups"
import { scheduleOrderFollowupsWorkflow } from "../../src/workflows/schedule-order-followups"
import {
  DAY_MS,
  dispatch,
  followupService,
  followupsOf,
  readMailbox,
  restorePluginOptions,
  waitFor,
  testAppEnv,
  freshTestStore,
} from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

/** Every route under src/api with its methods, e.g. `POST /admin/post-purchase/followups/:id/resend`. */
function pluginRoutes() {
  const root = path.join(__dirname, "..", "..", "src", "api")
  const routes: { method: string; path: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(full)
      } else if (entry.name === "route.ts") {
        const urlPath = "/" + path.relative(root, dir).split(path.sep).map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")
        for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          routes.push({ method, path: urlPath })
        }
      }
    }
  }
  walk(root)
  return routes
}

function decodeSafely(value: string) {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The emails in the mailbox, by flow, each with its html, text and metadata. */
const mailboxEmails = () => readMailbox(mailbox)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    describe("order placed", () => {
      it("delivers the order confirmation to the mailbox after one dispatcher run", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        const scheduled = await followupsOf(container, orderId, 2)
        expect(scheduled["order-confirmation"].status).toBe("scheduled")

        const summary = await dispatch(container)

        expect(summary).toEqual(expect.objectContaining({ claimed: 1, sent: 1, failed: 0 }))
        const [email] = mailboxEmails()
        expect(mailboxEmails()).toHaveLength(1)
        expect(email.flow).toBe("order-confirmation")
        expect(email.meta.to).toBe("anna@example.com")
        expect(email.meta.subject).toMatch(/^Your Acme Outfitters order #\d+ is confirmed$/)
        expect(email.html).toContain("Linen Shirt")
        expect(email.html).toContain("Organic Coffee Beans")
        expect(email.html).toContain("Prinsengracht 263")
        // 49.95 + 2 × 14.50 + 4.95 shipping
        expect(email.html).toContain("€83.90")
        expect(email.text).toContain("Linen Shirt")
        expect(email.text).toContain("€83.90")

        const [sent] = await followupService(container).listFollowups({ id: scheduled["order-confirmation"].id })
        expect(sent).toEqual(
          expect.objectContaining({ status: "sent", attempts: 1, provider_message_id: email.stem, last_error: null })
        )
        expect(sent.sent_at).not.toBeNull()
      })

      it("schedules the thank-you at placed + 1 day and sends it only when due", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store, { marketingConsent: true })
        const { "thank-you": thankYou } = await followupsOf(container, orderId, 2)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["created_at"], filters: { id: orderId } })

        // anchored on order.placed's own time, which for a checkout is the moment the order was created
        const dueAt = new Date(thankYou.send_at).getTime()
        expect(dueAt - new Date(thankYou.anchor_at).getTime()).toBe(DAY_MS)
        expect(Math.abs(new Date(thankYou.anchor_at).getTime() - new Date(order.created_at).getTime())).toBeLessThan(5_000)

        await dispatch(container, new Date(dueAt - 60_000))
        expect(mailboxEmails().map((e) => e.flow)).toEqual(["order-confirmation"])

        const summary = await dispatch(container, new Date(dueAt + 1_000))
        expect(summary.sent).toBe(1)
        const thankYouEmail = mailboxEmails().find((e) => e.flow === "thank-you")!
        expect(thankYouEmail.meta.subject).toBe("Thank you, Anna, from all of us at Acme Outfitters")
        expect(thankYouEmail.text).toContain("Anna")
      })

      it("gives one confirmation when order.placed is delivered twice", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store, { marketingConsent: true })
        await followupsOf(container, orderId, 2)

        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit({ name: "order.placed", data: { id: orderId } })
        await Promise.all(
          [1, 2, 3].map(() =>
            scheduleOrderFollowupsWorkflow(container).run({
              input: { order_id: orderId, occurred_at: new Date(Date.now() + 60_000) },
            })
          )
        )
        await new Promise((resolve) => setTimeout(resolve, 500))

        const rows = await followupService(container).listFollowups({ order_id: orderId })
        expect(rows).toHaveLength(2)
        // the first report of the placement wins: later ones move nothing
        const [anchor] = await followupService(container).listOrderAnchors({ order_id: orderId })
        expect(rows.every((row) => new Date(row.anchor_at).getTime() === new Date(anchor.occurred_at).getTime())).toBe(true)
        await Promise.all([dispatch(container), dispatch(container)])
        await dispatch(container, new Date(Date.now() + 2 * DAY_MS))
        expect(mailboxEmails().map((e) => e.flow).sort()).toEqual(["order-confirmation", "thank-you"])
        const notifications = await container
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ resource_id: rows.map((row) => row.id) })
        expect(notifications.map((n) => n.template).sort()).toEqual(["order-confirmation", "thank-you"])
      })
    })

    describe("order canceled", () => {
      it("never sends the thank-you of a canceled order", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        await followupsOf(container, orderId, 2)
        await dispatch(container)

        await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
        const { "thank-you": thankYou } = await waitFor(async () => {
          const rows = await followupsOf(container, orderId, 2)
          return rows["thank-you"].status === "canceled" && rows
        }, "the thank-you to be canceled")

        expect(thankYou.status_reason).toBe("The order was canceled")
        await dispatch(container, new Date(Date.now() + 2 * DAY_MS))
        expect(mailboxEmails().map((e) => e.flow)).toEqual(["order-confirmation"])
      })
    })

    describe("draft orders", () => {
      it("times a converted draft's thank-you from the conversion, not from when the draft was made", async () => {
        const container = getContainer()
        const { result: draft } = await createOrderWorkflow(container).run({
          input: {
            region_id: store.region_id,
            sales_channel_id: store.sales_channel_id,
            customer_id: store.customer.id,
            email: store.customer.email,
            currency_code: "eur",
            status: "draft",
            is_draft_order: true,
            shipping_address: SHIPPING_ADDRESS,
            billing_address: SHIPPING_ADDRESS,
            items: [{ variant_id: store.variants[0].id, quantity: 1 }],
          } as any,
        })
        // the shop drew up the draft three days ago
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [new Date(Date.now() - 3 * DAY_MS), draft.id])

        const convertedAt = Date.now()
        await convertDraftOrderWorkflow(container).run({ input: { id: draft.id } })
        const { "thank-you": thankYou } = await followupsOf(container, draft.id, 2)

        const dueIn = new Date(thankYou.send_at).getTime() - convertedAt
        expect(dueIn).toBeGreaterThanOrEqual(DAY_MS)
        expect(dueIn).toBeLessThan(DAY_MS + 10_000)
        expect((await dispatch(container, new Date(convertedAt + 60_000))).sent).toBe(1)
        expect(mailboxEmails().map((e) => e.flow)).toEqual(["order-confirmation"])
      })
    })

    describe("a missed order.placed", () => {
      /** The subscriber of the next order.placed fails at `where`, as with a database blip or a restart. */
      function failNextSubscriber(where: "createMissingFollowups" | "recordOrderAnchors" = "recordOrderAnchors") {
        const service = followupService(getContainer())
        const spy = jest.spyOn(service, where).mockRejectedValueOnce(new Error("Connection terminated unexpectedly"))
        return async (orderId: string) => {
          await waitFor(async () => spy.mock.calls.length > 0, "the subscriber to run")
          await new Promise((resolve) => setTimeout(resolve, 300))
          spy.mockRestore()
          expect(await service.listFollowups({ order_id: orderId })).toHaveLength(0)
        }
      }

      async function reconcile(minutesFromNow = 10) {
        const { result } = await reconcileOrderFollowupsWorkflow(getContainer()).run({
          input: { now: new Date(Date.now() + minutesFromNow * 60_000) },
        })
        return result
      }

      it("is made good by the reconciliation, timed from when the order was placed, once", async () => {
        const container = getContainer()
        const service = followupService(container)
        const handled = await placeOrder(container, store)
        await followupsOf(container, handled, 2)

        // writing the follow-ups fails: the order must not count as handled
        const subscriberFailed = failNextSubscriber("createMissingFollowups")
        const missed = await placeOrder(container, store)
        await subscriberFailed(missed)
        expect(await service.listOrderAnchors({ order_id: missed })).toHaveLength(0)

        // too young: left to its subscriber for the grace period
        expect((await reconcile(1)).order_ids).toEqual([])
        const result = await reconcile()

        expect(result.order_ids).toEqual([missed])
        const rows = await followupsOf(container, missed, 2)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["created_at"], filters: { id: missed } })
        expect(new Date(rows["thank-you"].anchor_at).getTime()).toBe(new Date(order.created_at).getTime())
        expect(new Date(rows["thank-you"].send_at).getTime() - new Date(order.created_at).getTime()).toBe(DAY_MS)
        const [anchor] = await service.listOrderAnchors({ order_id: missed })
        expect(anchor.source).toBe("reconciliation")

        expect((await reconcile()).order_ids).toEqual([])
        expect(await service.listFollowups({ order_id: missed })).toHaveLength(2)
        expect((await dispatch(container)).sent).toBe(2)
      })

      it("leaves orders from before the plugin's first order alone, and orders it handled with every flow off", async () => {
        const container = getContainer()
        const beforeInstall = failNextSubscriber()
        const old = await placeOrder(container, store)
        await beforeInstall(old)
        await api.post("/admin/post-purchase/flows/order-confirmation", { enabled: false }, admin)
        await api.post("/admin/post-purchase/flows/thank-you", { enabled: false }, admin)
        const allOff = await placeOrder(container, store)
        await waitFor(async () => (await followupService(container).listOrderAnchors({ order_id: allOff })).length, "the anchor")
        await api.post("/admin/post-purchase/flows/order-confirmation", { enabled: true }, admin)
        await api.post("/admin/post-purchase/flows/thank-you", { enabled: true }, admin)

        expect((await reconcile()).order_ids).toEqual([])
        expect(await followupService(container).listFollowups({ order_id: [old, allOff] })).toHaveLength(0)
      })

      it("leaves orders without a cart alone unless told, and dates a converted draft by its conversion", async () => {
        const container = getContainer()
        const { reconcile: options } = followupService(container).getOptions()
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await followupsOf(container, await placeOrder(container, store), 2)
        // the plugin has been running for a week
        await pg.raw(`UPDATE pp_order_anchor SET created_at = ?`, [new Date(Date.now() - 7 * DAY_MS)])
        const { result: draft } = await createOrderWorkflow(container).run({
          input: {
            region_id: store.region_id,
            sales_channel_id: store.sales_channel_id,
            email: "carla@example.com",
            currency_code: "eur",
            status: "draft",
            is_draft_order: true,
            shipping_address: SHIPPING_ADDRESS,
            items: [{ variant_id: store.variants[2].id, quantity: 1 }],
          } as any,
        })
        await pg.raw(`UPDATE "order" SET created_at = ? WHERE id = ?`, [new Date(Date.now() - 3 * DAY_MS), draft.id])

        const subscriberFailed = failNextSubscriber()
        const convertedAt = Date.now()
        await convertDraftOrderWorkflow(container).run({ input: { id: draft.id } })
        await subscriberFailed(draft.id)

        // by default: an import would look the same, and never had an order.placed to miss
        expect((await reconcile()).order_ids).toEqual([])
        options.ordersWithoutCart = true
        try {
          expect((await reconcile()).order_ids).toEqual([draft.id])
        } finally {
          options.ordersWithoutCart = false
        }
        const { "thank-you": thankYou } = await followupsOf(container, draft.id, 2)
        expect(new Date(thankYou.anchor_at).getTime()).toBeGreaterThanOrEqual(convertedAt - 1_000)
      })
    })

    describe("flow settings in the admin API", () => {
      it("lists the flows with their defaults", async () => {
        const { data } = await api.get("/admin/post-purchase/flows", admin)
        expect(data.flows).toEqual([
          expect.objectContaining({ key: "order-confirmation", category: "transactional", enabled: true, delay_seconds: 0 }),
          expect.objectContaining({ key: "thank-you", category: "marketing", enabled: true, delay_seconds: 86400 }),
          expect.objectContaining({ key: "return-window-closing", category: "marketing", enabled: false, anchor: "delivered" }),
          expect.objectContaining({ key: "withdrawal-confirmation", category: "transactional", trigger: "withdrawal", delay_seconds: 0 }),
          expect.objectContaining({ key: "review-request", category: "marketing", enabled: true, anchor: "delivered", delay_seconds: 7 * 86400 }),
          expect.objectContaining({
            key: "review-reminder",
            category: "marketing",
            enabled: true,
            anchor: "delivered",
            delay_seconds: 5 * 86400,
            follows: { key: "review-request", label: "Review request" },
          }),
          expect.objectContaining({ key: "feedback-survey", category: "marketing", enabled: true, anchor: "delivered", delay_seconds: 3 * 86400 }),
          // loyalty: scheduled by the loyalty events; all but the points-earned email are about the account, not an order
          ...["loyalty-points-earned", "loyalty-reward-code", "loyalty-points-expiring", "loyalty-tier-changed", "loyalty-referral-success"].map((key) =>
            expect.objectContaining({ key, category: "transactional", trigger: "loyalty", about: key === "loyalty-points-earned" ? "order" : "account", delay_seconds: 0 })
          ),
        ])
      })

      it("schedules nothing for a flow switched off", async () => {
        const container = getContainer()
        const { data } = await api.post("/admin/post-purchase/flows/thank-you", { enabled: false }, admin)
        expect(data.flow).toEqual(expect.objectContaining({ key: "thank-you", enabled: false }))

        const orderId = await placeOrder(container, store)
        const rows = await followupsOf(container, orderId, 1)
        await new Promise((resolve) => setTimeout(resolve, 300))

        expect(Object.keys(rows)).toEqual(["order-confirmation"])
        expect(await followupService(container).listFollowups({ order_id: orderId })).toHaveLength(1)
      })

      it("skips a follow-up whose flow was switched off after it was scheduled", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        const { "thank-you": thankYou } = await followupsOf(container, orderId, 2)
        await api.post("/admin/post-purchase/flows/thank-you", { enabled: false }, admin)

        await dispatch(container, new Date(Date.now() + 2 * DAY_MS))

        const [row] = await followupService(container).listFollowups({ id: thankYou.id })
        expect(row).toEqual(expect.objectContaining({ status: "skipped", status_reason: "The flow was switched off" }))
        expect(mailboxEmails().map((e) => e.flow)).toEqual(["order-confirmation"])
      })

      it("uses a changed delay for orders placed afterwards", async () => {
        const container = getContainer()
        await api.post("/admin/post-purchase/flows/thank-you", { delay_seconds: 3600 }, admin)
        const orderId = await placeOrder(container, store)
        const { "thank-you": thankYou } = await followupsOf(container, orderId, 2)
        expect(new Date(thankYou.send_at).getTime() - new Date(thankYou.anchor_at).getTime()).toBe(3_600_000)
      })

      it("answers bad input with a 400 that names the field, and changes nothing", async () => {
        const attempts = [
          ["/admin/post-purchase/flows/thank-you", { delay_seconds: -60 }, /delay_seconds/],
          ["/admin/post-purchase/flows/thank-you", { delay_seconds: 1.5 }, /delay_seconds/],
          ["/admin/post-purchase/flows/thank-you", { delay_seconds: 400 * 86400 }, /delay_seconds/],
          ["/admin/post-purchase/flows/thank-you", { enabled: "yes" }, /enabled/],
          ["/admin/post-purchase/flows/thank-you", { colour: "red" }, /colour/],
          ["/admin/post-purchase/flows/no-such-flow", { enabled: false }, /Unknown flow "no-such-flow"/],
        ] as const
        for (const [url, body, message] of attempts) {
          const response = await api.post(url, body, admin).catch((e: any) => e.response)
          expect(response.status).toBe(400)
          expect(response.data.message).toMatch(message)
        }

        const nulByte = await api.get("/admin/post-purchase/followups?order_id=%00", admin).catch((e: any) => e.response)
        expect(nulByte.status).toBe(400)
        expect(nulByte.data.message).toMatch(/"order_id" contains a control character \(U\+0000\)/)

        const { data } = await api.get("/admin/post-purchase/flows", admin)
        expect(data.flows.find((f: any) => f.key === "thank-you")).toEqual(
          expect.objectContaining({ enabled: true, delay_seconds: 86400 })
        )
      })

      it("keeps one setting when the first saves of a flow arrive together", async () => {
        const responses = await Promise.all(
          [3600, 7200, 10800].map((delay_seconds) =>
            api.post("/admin/post-purchase/flows/thank-you", { delay_seconds }, admin)
          )
        )
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
        const settings = await followupService(getContainer()).listFlowSettings({ flow: "thank-you" })
        expect(settings).toHaveLength(1)
        expect([3600, 7200, 10800]).toContain(settings[0].delay_seconds)
      })

      it("refuses the admin API without a login", async () => {
        const response = await api.get("/admin/post-purchase/flows").catch((e: any) => e.response)
        expect(response.status).toBe(401)
      })

      it("previews each flow's email rendered with sample data and the shop's brand", async () => {
        for (const key of ["order-confirmation", "thank-you"]) {
          const { data } = await api.get(`/admin/post-purchase/flows/${key}/preview`, admin)
          expect(data.subject).toContain("Acme Outfitters")
          expect(data.html).toContain("<html")
          expect(data.html).toContain("Acme Outfitters")
          expect(data.text.length).toBeGreaterThan(50)
        }
      })
    })

    describe("follow-ups across orders in the admin", () => {
      async function threeOrdersWithConfirmationsSent() {
        const container = getContainer()
        const orders: string[] = []
        for (let i = 0; i < 3; i++) {
          orders.push(await placeOrder(container, store))
          await followupsOf(container, orders[i], 2)
        }
        await dispatch(container)
        return orders
      }

      it("lists them by status, flow and due date, a page at a time, with the order's number", async () => {
        const orders = await threeOrdersWithConfirmationsSent()
        const list = async (query: string) => (await api.get(`/admin/post-purchase/followups?${query}`, admin)).data

        const sent = await list("status=sent")
        expect(sent.count).toBe(3)
        expect(sent.followups.map((f: any) => f.flow)).toEqual(["order-confirmation", "order-confirmation", "order-confirmation"])
        expect(sent.followups.map((f: any) => f.order_id).sort()).toEqual([...orders].sort())
        expect(sent.followups.every((f: any) => Number.isInteger(f.order_display_id))).toBe(true)

        const waiting = await list("status=scheduled&status=failed&flow=thank-you")
        expect(waiting.count).toBe(3)

        const firstPage = await list("limit=4&order=send_at")
        const secondPage = await list("limit=4&offset=4&order=send_at")
        expect([firstPage.count, firstPage.followups.length, secondPage.followups.length]).toEqual([6, 4, 2])
        const ids = [...firstPage.followups, ...secondPage.followups].map((f: any) => f.id)
        expect(new Set(ids).size).toBe(6)
        const dueTimes = [...firstPage.followups, ...secondPage.followups].map((f: any) => new Date(f.send_at).getTime())
        expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b))

        const tomorrow = new Date(Date.now() + 12 * 60 * 60 * 1000).toISOString()
        const dueLater = await list(`send_at[$gte]=${encodeURIComponent(tomorrow)}`)
        expect(dueLater.followups.map((f: any) => f.flow)).toEqual(["thank-you", "thank-you", "thank-you"])
      })

      it("resends failed ones and cancels waiting ones in bulk, all or none", async () => {
        const container = getContainer()
        const service = followupService(container)
        const delivered = await placeOrder(container, store)
        await followupsOf(container, delivered, 2)
        await dispatch(container)
        // the mailbox cannot be written: the next two confirmations fail for real
        fs.rmSync(mailbox, { recursive: true, force: true })
        fs.writeFileSync(mailbox, "not a folder")
        const orders = [delivered]
        for (let i = 0; i < 2; i++) {
          orders.push(await placeOrder(container, store))
          await followupsOf(container, orders[i + 1], 2)
        }
        expect((await dispatch(container)).failed).toBe(2)
        fs.rmSync(mailbox, { force: true })

        const rows = await service.listFollowups({ order_id: orders })
        const confirmation = (orderId: string) => rows.find((r) => r.order_id === orderId && r.flow === "order-confirmation")!
        const failed = orders.slice(1).map((orderId) => confirmation(orderId).id)
        const sent = confirmation(delivered).id
        const thankYous = rows.filter((r) => r.flow === "thank-you").map((r) => r.id)
        const post = (url: string, body: object) => api.post(url, body, admin).catch((e: any) => e.response)

        const mixed = await post("/admin/post-purchase/followups/resend", { ids: [...failed, sent] })
        expect(mixed.status).toBe(400)
        expect(mixed.data.message).toBe(`Follow-up "${sent}" is sent; only failed follow-ups can be sent again`)
        expect((await service.listFollowups({ id: failed })).every((r) => r.status === "failed")).toBe(true)

        const resent = await post("/admin/post-purchase/followups/resend", { ids: failed })
        expect(resent.status).toBe(200)
        expect(resent.data.followups.map((f: any) => [f.status, f.attempts])).toEqual([
          ["scheduled", 0],
          ["scheduled", 0],
        ])
        expect((await dispatch(container)).sent).toBe(2)

        const canceled = await post("/admin/post-purchase/followups/cancel", { ids: thankYous })
        expect(canceled.data.followups.map((f: any) => f.status)).toEqual(["canceled", "canceled", "canceled"])
        const again = await post("/admin/post-purchase/followups/cancel", { ids: thankYous.slice(0, 1) })
        expect(again.status).toBe(400)

        await dispatch(container, new Date(Date.now() + 2 * DAY_MS))
        expect(mailboxEmails().map((e) => e.flow)).toEqual(["order-confirmation", "order-confirmation"])
      })

      it("answers malformed filters and bodies with a 400 that names the field", async () => {
        const get = (url: string) => api.get(url, admin).catch((e: any) => e.response)
        const post = (url: string, body: unknown) => api.post(url, body, admin).catch((e: any) => e.response)
        const cases: [Promise<any>, RegExp][] = [
          [get("/admin/post-purchase/followups?status=nope"), /status must be one of scheduled, sending, sent, failed, canceled, skipped/],
          [get("/admin/post-purchase/followups?flow=Thank%20You"), /flow must be a flow key/],
          [get("/admin/post-purchase/followups?limit=1000"), /'limit' too big, expected at most: '100'/],
          [get("/admin/post-purchase/followups?send_at[$gte]=yesterday"), /send_at\[\$gte\] must be a date and time/],
          [get("/admin/post-purchase/followups?order_id=order_%01"), /"order_id" contains a control character \(U\+0001\)/],
          [get("/admin/post-purchase/followups?order_id=order_123"), /order_id must be an id like/],
          [get("/admin/post-purchase/followups?colour=red"), /colour/],
          [post("/admin/post-purchase/followups/resend", { ids: [] }), /'ids' too small, expected at least: '1'/],
          [post("/admin/post-purchase/followups/cancel", { ids: ["ppfu_01JDZ9Q4J1K2M3N4P5Q6R7S8T\u0000"] }), /"ids\[0\]" contains a control character \(U\+0000\)/],
          [post("/admin/post-purchase/followups/cancel", {}), /ids/],
          // a control character in a path param: the param's own check or the path's may see it first
          [post("/admin/post-purchase/followups/%00/resend", {}), /id must be an id like|the path contains a control character \(U\+0000\)/],
          [get("/admin/post-purchase/flows/thank%1Byou/preview"), /key must be a flow key|the path contains a control character \(U\+001B\)/],
          [get("/admin/post-purchase/flows/Thank_You"), /key must be a flow key/],
        ]
        for (const [response, message] of cases) {
          const { status, data } = await response
          expect({ status, message: data.message }).toEqual({ status: 400, message: expect.stringMatching(message) })
        }
        // tab, newline and carriage return are text, not control characters
        const withNewline = await post("/admin/post-purchase/flows/thank-you", { enabled: true, note: "a\tb\r\nc" })
        expect(withNewline.data.message).toMatch(/note/)
      })

      it("answers every plugin route's malformed requests with a 4xx, never a 500", async () => {
        const routes = pluginRoutes()
        expect(routes.length).toBeGreaterThanOrEqual(8)
        const bad = ["%00", "%01", "%7F", "%C2%85", "x%00y", "a".repeat(300), "%27%3B--", "..%2F..", "%F0%9F%92%A9"]
        const failures: string[] = []
        for (const route of routes) {
          for (const value of bad) {
            const url = route.path.replace(/:[a-z_]+/g, value)
            const query = `?order_id=${value}&status=${value}&flow=${value}&limit=${value}&send_at[$gte]=${value}`
            const body = { ids: [decodeSafely(value)], enabled: decodeSafely(value), delay_seconds: decodeSafely(value) }
            const response = await api
              .request({ method: route.method, url: `${url}${query}`, data: route.method === "GET" ? undefined : body, ...admin })
              .catch((e: any) => e.response)
            if (response.status >= 500 || response.status < 400) {
              failures.push(`${route.method} ${url}${query} → ${response.status} ${JSON.stringify(response.data).slice(0, 200)}`)
            }
          }
        }
        expect(failures).toEqual([])
      })

      it("reports that emails are going out", async () => {
        const { data } = await api.get("/admin/post-purchase/delivery-status", admin)
        expect(data).toEqual({ problem: null, failed: 0 })
      })
    })

    describe("an order's follow-ups in the admin", () => {
      it("lists them, cancels a scheduled one and refuses what cannot be done", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        const scheduled = await followupsOf(container, orderId, 2)
        await dispatch(container)

        const { data } = await api.get(`/admin/post-purchase/followups?order_id=${orderId}&order=send_at`, admin)
        expect(data.count).toBe(2)
        expect(data.followups.map((f: any) => [f.flow, f.flow_label, f.status])).toEqual([
          ["order-confirmation", "Order confirmation", "sent"],
          ["thank-you", "Thank-you", "scheduled"],
        ])

        const thankYouId = scheduled["thank-you"].id
        const canceled = await api.post(`/admin/post-purchase/followups/${thankYouId}/cancel`, {}, admin)
        expect(canceled.data.followup).toEqual(
          expect.objectContaining({ id: thankYouId, status: "canceled", status_reason: "Canceled by an admin" })
        )

        const again = await api.post(`/admin/post-purchase/followups/${thankYouId}/cancel`, {}, admin).catch((e: any) => e.response)
        expect(again.status).toBe(400)
        expect(again.data.message).toMatch(/is canceled; only scheduled or failed follow-ups can be canceled/)

        const resendSent = await api
          .post(`/admin/post-purchase/followups/${scheduled["order-confirmation"].id}/resend`, {}, admin)
          .catch((e: any) => e.response)
        expect(resendSent.status).toBe(400)

        const unknown = await api
          .post(`/admin/post-purchase/followups/ppfu_01JDZ9Q4J1K2M3N4P5Q6R7S8T9/cancel`, {}, admin)
          .catch((e: any) => e.response)
        expect(unknown.status).toBe(404)
        const malformed = await api.post(`/admin/post-purchase/followups/ppfu_nope/cancel`, {}, admin).catch((e: any) => e.response)
        expect(malformed.status).toBe(400)
        expect(malformed.data.message).toMatch(/^Invalid request: id must be an id like ppfu_/)
      })

      it("is reachable from the order through the module link", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        await followupsOf(container, orderId, 2)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["id", "followups.flow", "followups.status"], filters: { id: orderId } })
        expect(order.followups.map((f: any) => f.flow).sort()).toEqual(["order-confirmation", "thank-you"])
      })
    })
  },
})
