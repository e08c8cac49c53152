import fs from "fs"
import os from "os"
import path from "path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, seedStore, type SeededStore } from "../../scripts/fixtures/store"
import { scheduleOrderFollowupsWorkflow } from "../../src/workflows/schedule-order-followups"
import { adminHeaders } from "../helpers/admin"
import { DAY_MS, dispatch, followupService, followupsOf, waitFor } from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = fs.mkdtempSync(path.join(os.tmpdir(), "pp-mailbox-"))
process.env.PP_MAILBOX_DIR = mailbox
// the dispatcher runs only when a test runs it
process.env.PP_DISPATCH_INTERVAL_MS = String(DAY_MS)
// empty, not deleted: loadEnv() in medusa-config.ts would bring back a key from a developer's .env
process.env.SENDGRID_API_KEY = ""

/** The emails in the mailbox, by flow, each with its html, text and metadata. */
function mailboxEmails() {
  return fs
    .readdirSync(mailbox)
    .filter((file) => file.endsWith(".json"))
    .map((file) => {
      const stem = file.slice(0, -".json".length)
      const read = (ext: string) => fs.readFileSync(path.join(mailbox, `${stem}.${ext}`), "utf8")
      const meta = JSON.parse(read("json"))
      return { stem, flow: meta.data.flow as string, meta, html: read("html"), text: read("txt") }
    })
}

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      fs.rmSync(mailbox, { recursive: true, force: true })
      store = await seedStore(getContainer())
      admin = await adminHeaders(getContainer())
    })

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
        const orderId = await placeOrder(container, store)
        const { "thank-you": thankYou } = await followupsOf(container, orderId, 2)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [order],
        } = await query.graph({ entity: "order", fields: ["created_at"], filters: { id: orderId } })

        const dueAt = new Date(thankYou.send_at).getTime()
        expect(dueAt - new Date(order.created_at).getTime()).toBe(DAY_MS)

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
        const orderId = await placeOrder(container, store)
        await followupsOf(container, orderId, 2)

        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit({ name: "order.placed", data: { id: orderId } })
        await Promise.all(
          [1, 2, 3].map(() =>
            scheduleOrderFollowupsWorkflow(container).run({ input: { order_id: orderId, trigger: "order.placed" } })
          )
        )
        await new Promise((resolve) => setTimeout(resolve, 500))

        const rows = await followupService(container).listFollowups({ order_id: orderId })
        expect(rows).toHaveLength(2)
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

    describe("flow settings in the admin API", () => {
      it("lists the flows with their defaults", async () => {
        const { data } = await api.get("/admin/post-purchase/flows", admin)
        expect(data.flows).toEqual([
          expect.objectContaining({ key: "order-confirmation", category: "transactional", enabled: true, delay_seconds: 0 }),
          expect.objectContaining({ key: "thank-you", category: "marketing", enabled: true, delay_seconds: 86400 }),
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

        const missingOrder = await api.get("/admin/post-purchase/followups", admin).catch((e: any) => e.response)
        expect(missingOrder.status).toBe(400)
        expect(missingOrder.data.message).toMatch(/order_id/)

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

    describe("an order's follow-ups in the admin", () => {
      it("lists them, cancels a scheduled one and refuses what cannot be done", async () => {
        const container = getContainer()
        const orderId = await placeOrder(container, store)
        const scheduled = await followupsOf(container, orderId, 2)
        await dispatch(container)

        const { data } = await api.get(`/admin/post-purchase/followups?order_id=${orderId}`, admin)
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
        expect(again.data.message).toMatch(/is canceled; only scheduled follow-ups can be canceled/)

        const resendSent = await api
          .post(`/admin/post-purchase/followups/${scheduled["order-confirmation"].id}/resend`, {}, admin)
          .catch((e: any) => e.response)
        expect(resendSent.status).toBe(400)

        const unknown = await api.post(`/admin/post-purchase/followups/ppfu_nope/cancel`, {}, admin).catch((e: any) => e.response)
        expect(unknown.status).toBe(404)
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
