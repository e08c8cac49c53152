import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, seedStore, type SeededStore } from "../../scripts/fixtures/store"
import { adminHeaders } from "../helpers/admin"
import { DAY_MS, dispatch, followupService, followupsOf } from "../helpers/followups"

const { startSendgridStub } = require("../../scripts/fixtures/sendgrid-stub")

jest.setTimeout(120_000)

// medusa-config.ts picks the plugin's SendGrid provider when a key is set
process.env.SENDGRID_API_KEY = "SG.integration-test"
process.env.SENDGRID_FROM = "Acme Outfitters <shop@acme.test>"
process.env.PP_DISPATCH_INTERVAL_MS = String(DAY_MS)

let stub: Awaited<ReturnType<typeof startSendgridStub>>

// before the runner boots the app, so the provider gets the stub's address
beforeAll(async () => {
  stub = await startSendgridStub()
  process.env.SENDGRID_BASE_URL = stub.url
})
afterAll(async () => {
  await stub?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => {
      stub.reset()
      store = await seedStore(getContainer())
      admin = await adminHeaders(getContainer())
    })

    async function confirmationOfNewOrder() {
      const container = getContainer()
      const orderId = await placeOrder(container, store)
      const rows = await followupsOf(container, orderId, 2)
      return rows["order-confirmation"]
    }

    async function reload(id: string) {
      const [row] = await followupService(getContainer()).listFollowups({ id })
      return row
    }

    it("202: marks the follow-up sent with SendGrid's message id", async () => {
      const followup = await confirmationOfNewOrder()

      await dispatch(getContainer())

      expect(stub.requests).toHaveLength(1)
      const [request] = stub.requests
      const row = await reload(followup.id)
      expect(row.status).toBe("sent")
      expect(row.provider_message_id).toBe(request.messageId)
      expect(row.provider_message_id).toMatch(/^[\w-]{10,}$/)

      const body = request.body
      expect(request.headers.authorization).toBe("Bearer SG.integration-test")
      expect(body.from).toEqual({ email: "shop@acme.test", name: "Acme Outfitters" })
      expect(body.personalizations[0].to).toEqual([{ email: "anna@example.com" }])
      expect(body.subject).toMatch(/order #\d+ is confirmed/)
      const types = body.content.map((part: { type: string }) => part.type)
      expect(types).toEqual(["text/plain", "text/html"])
      expect(body.content[1].value).toContain("Linen Shirt")
      // correlation ids only: no personal data in custom args or categories
      expect(body.custom_args).toEqual({ pp_followup_id: followup.id, pp_flow: "order-confirmation" })
      expect(body.categories).toEqual(["post-purchase", "pp-order-confirmation"])
      expect(JSON.stringify([body.custom_args, body.categories])).not.toMatch(/anna|example\.com|Amsterdam/i)
    })

    it("429 then 202: retries with backoff and sends the email once", async () => {
      const followup = await confirmationOfNewOrder()
      stub.respondWith(429)

      const firstRun = new Date()
      const first = await dispatch(getContainer(), firstRun)
      expect(first).toEqual(expect.objectContaining({ sent: 0, retrying: 1 }))
      const waiting = await reload(followup.id)
      expect(waiting.status).toBe("scheduled")
      expect(waiting.attempts).toBe(1)
      expect(waiting.last_error).toMatch(/^SendGrid 429: too many requests/)
      const retryAt = new Date(waiting.send_at).getTime()
      // first backoff is 60 s with jitter: between 30 and 60 s later
      expect(retryAt - firstRun.getTime()).toBeGreaterThanOrEqual(30_000)
      expect(retryAt - firstRun.getTime()).toBeLessThanOrEqual(60_000)

      expect((await dispatch(getContainer(), new Date(retryAt - 1_000))).claimed).toBe(0)
      const second = await dispatch(getContainer(), new Date(retryAt + 1_000))
      expect(second).toEqual(expect.objectContaining({ sent: 1 }))
      await dispatch(getContainer(), new Date(retryAt + 10 * 60_000))

      expect(stub.requests.map((r: { status: number }) => r.status)).toEqual([429, 202])
      const sent = await reload(followup.id)
      expect(sent).toEqual(expect.objectContaining({ status: "sent", attempts: 2, last_error: null }))
    })

    it("5xx on every attempt: gives up after the configured maximum and keeps the error", async () => {
      const followup = await confirmationOfNewOrder()
      stub.respondWith(500, 503, 500, 503, 500)

      let clock = Date.now()
      for (let attempt = 1; attempt <= 5; attempt++) {
        await dispatch(getContainer(), new Date(clock))
        // past the backoff (at most 16 min by then), well before the thank-you is due
        clock += 60 * 60_000
      }

      const row = await reload(followup.id)
      expect(row).toEqual(expect.objectContaining({ status: "failed", attempts: 5 }))
      expect(row.last_error).toMatch(/^SendGrid 500: Internal server error/)
      expect(stub.requests).toHaveLength(5)
      expect(stub.accepted()).toHaveLength(0)
    })

    it("400: marks the follow-up failed with SendGrid's message; a resend after the fix sends it", async () => {
      const followup = await confirmationOfNewOrder()
      stub.respondWith(400)

      const summary = await dispatch(getContainer())

      expect(summary).toEqual(expect.objectContaining({ failed: 1, retrying: 0 }))
      const failed = await reload(followup.id)
      expect(failed.status).toBe("failed")
      expect(failed.last_error).toBe(
        "SendGrid 400: The from address does not match a verified Sender Identity. (field: from)"
      )
      // a permanent error is not retried by later ticks
      await dispatch(getContainer(), new Date(Date.now() + 60 * 60_000))
      expect(stub.requests).toHaveLength(1)

      const { data } = await api.post(`/admin/post-purchase/followups/${followup.id}/resend`, {}, admin)

      expect(data.followup).toEqual(expect.objectContaining({ id: followup.id, status: "sent", last_error: null }))
      expect(stub.requests.map((r: { status: number }) => r.status)).toEqual([400, 202])
    })

    it("one batch with a rejected and an accepted email: each follow-up gets its own outcome", async () => {
      const container = getContainer()
      const first = await confirmationOfNewOrder()
      const second = await confirmationOfNewOrder()
      stub.respondWith(400)

      const summary = await dispatch(container)

      expect(summary).toEqual(expect.objectContaining({ claimed: 2, sent: 1, failed: 1 }))
      const rejected = stub.requests.find((r: { status: number }) => r.status === 400)
      const accepted = stub.requests.find((r: { status: number }) => r.status === 202)
      const rejectedRow = await reload(rejected.body.custom_args.pp_followup_id)
      const acceptedRow = await reload(accepted.body.custom_args.pp_followup_id)
      expect([rejectedRow.id, acceptedRow.id].sort()).toEqual([first.id, second.id].sort())
      expect(rejectedRow).toEqual(
        expect.objectContaining({
          status: "failed",
          last_error: "SendGrid 400: The from address does not match a verified Sender Identity. (field: from)",
        })
      )
      expect(acceptedRow).toEqual(
        expect.objectContaining({ status: "sent", provider_message_id: accepted.messageId, last_error: null })
      )
    })

    it("a worker that stopped after SendGrid accepted the email: the next claim records it as sent, without sending again", async () => {
      const container = getContainer()
      const followup = await confirmationOfNewOrder()
      await dispatch(container)
      expect(stub.requests).toHaveLength(1)
      // as if the worker died between SendGrid's 202 and writing the outcome
      await followupService(container).updateFollowups({
        id: followup.id,
        status: "sending",
        sent_at: null,
        provider_message_id: null,
        locked_until: new Date(Date.now() - 60_000),
      })

      const summary = await dispatch(container)

      expect(summary).toEqual(expect.objectContaining({ claimed: 1, sent: 1 }))
      expect(stub.requests).toHaveLength(1)
      const row = await reload(followup.id)
      expect(row).toEqual(expect.objectContaining({ status: "sent", provider_message_id: stub.requests[0].messageId }))
    })
  },
})
