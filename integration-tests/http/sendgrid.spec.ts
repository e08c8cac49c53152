import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { placeOrder, type SeededStore } from "../../scripts/fixtures/store"
import { DAY_MS, dispatch, followupService, followupsOf, restorePluginOptions, freshTestStore } from "../helpers/followups"

const { startSendgridStub } = require("../../scripts/fixtures/sendgrid-stub")

jest.setTimeout(120_000)

// medusa-config.ts picks the plugin's SendGrid provider when a key is set
process.env.SENDGRID_API_KEY = "SG.integration-test"
process.env.SENDGRID_FROM = "Acme Outfitters <shop@acme.test>"
// an unanswered request gives up after a second, so a "may have gone out" case stays quick
process.env.SENDGRID_TIMEOUT_MS = "1000"
process.env.PP_DISPATCH_INTERVAL_MS = String(DAY_MS)
process.env.PP_RECONCILE_INTERVAL_MS = String(DAY_MS)

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

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
      ;({ store, admin } = await freshTestStore(getContainer()))
    })
    afterEach(() => restorePluginOptions())

    afterEach(() => {
      jest.restoreAllMocks()
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

    /** The dispatcher sends one follow-up per Notification Module call, so a batch has several chunks. */
    function oneEmailPerChunk() {
      const { dispatch: options } = followupService(getContainer()).getOptions()
      const concurrency = options.concurrency
      options.concurrency = 1
      return () => (options.concurrency = concurrency)
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

    it("marketing email carries RFC 8058 List-Unsubscribe headers in SendGrid's headers field; transactional email carries none", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { marketingConsent: true })
      await followupsOf(container, orderId, 2)
      await dispatch(container, new Date(Date.now() + DAY_MS + 60_000))

      const byFlow = Object.fromEntries(stub.requests.map((r: any) => [r.body.custom_args.pp_flow, r.body]))
      expect(Object.keys(byFlow).sort()).toEqual(["order-confirmation", "thank-you"])
      const headers = byFlow["thank-you"].headers
      expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:9000\/hooks\/post-purchase\/unsubscribe\?token=v1\.[\w.-]+>$/)
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
      expect(byFlow["thank-you"].content[1].value).toContain("/hooks/post-purchase/unsubscribe?token=")
      expect(byFlow["order-confirmation"].headers).toBeUndefined()
    })

    it("a storm of 429s: waits for SendGrid's reset each time, uses up no attempts, then sends once", async () => {
      const followup = await confirmationOfNewOrder()
      let clock = Date.now()
      const resets: number[] = []

      for (let storm = 0; storm < 8; storm++) {
        const resetAt = new Date(clock + 10 * MINUTE_MS)
        resets.push(Math.floor(resetAt.getTime() / 1000) * 1000)
        stub.respondWith({ status: 429, resetAt })
        const summary = await dispatch(getContainer(), new Date(clock))
        expect(summary).toEqual(expect.objectContaining({ retrying: 1, halted: "rate_limited" }))

        const waiting = await reload(followup.id)
        expect(waiting).toEqual(expect.objectContaining({ status: "scheduled", attempts: 0 }))
        expect(waiting.last_error).toBe("SendGrid 429: too many requests")
        // due again right after the reset SendGrid announced, never before it
        const dueAt = new Date(waiting.send_at).getTime()
        expect(dueAt).toBeGreaterThanOrEqual(resets[storm])
        expect(dueAt).toBeLessThan(resets[storm] + 6_000)
        expect((await dispatch(getContainer(), new Date(resets[storm] - 1_000))).claimed).toBe(0)
        clock = dueAt + 1_000
      }

      expect(await dispatch(getContainer(), new Date(clock))).toEqual(expect.objectContaining({ sent: 1 }))
      const sent = await reload(followup.id)
      expect(sent).toEqual(expect.objectContaining({ status: "sent", attempts: 1, last_error: null }))
      expect(stub.requests.map((r: { status: number }) => r.status)).toEqual([...Array(8).fill(429), 202])
    })

    it("a 429 in one chunk: the rest of the batch waits for the reset untried", async () => {
      const restore = oneEmailPerChunk()
      try {
        const ids = [(await confirmationOfNewOrder()).id, (await confirmationOfNewOrder()).id, (await confirmationOfNewOrder()).id]
        stub.respondWith({ status: 429, resetAt: new Date(Date.now() + 5 * MINUTE_MS) })

        const summary = await dispatch(getContainer())

        expect(summary).toEqual(expect.objectContaining({ claimed: 3, sent: 0, retrying: 3, halted: "rate_limited" }))
        expect(stub.requests).toHaveLength(1)
        const rows = await Promise.all(ids.map(reload))
        expect(rows.every((row) => row.status === "scheduled" && row.attempts === 0)).toBe(true)
      } finally {
        restore()
      }
    })

    it("5xx on every attempt: gives up after the configured maximum and keeps the error", async () => {
      const followup = await confirmationOfNewOrder()
      stub.respondWith(500, 503, 500, 503, 500)

      let clock = Date.now()
      for (let attempt = 1; attempt <= 5; attempt++) {
        await dispatch(getContainer(), new Date(clock))
        // past the backoff (at most 16 min by then), well before the thank-you is due
        clock += HOUR_MS
      }

      const row = await reload(followup.id)
      expect(row).toEqual(expect.objectContaining({ status: "failed", attempts: 5 }))
      expect(row.last_error).toBe("Gave up after 5 attempts: SendGrid 500: Internal server error")
      expect(stub.requests).toHaveLength(5)
      expect(stub.accepted()).toHaveLength(0)
    })

    it("a 401 fixed within the budget: the email goes out without an admin's help, and the banner says why meanwhile", async () => {
      const container = getContainer()
      const first = await confirmationOfNewOrder()
      stub.respondWith(401, 401)
      const warn = jest.spyOn(container.resolve("logger"), "warn")

      const t0 = Date.now()
      expect(await dispatch(container, new Date(t0))).toEqual(expect.objectContaining({ retrying: 1, halted: "configuration" }))
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /dispatched 1 follow-ups: 0 sent, 1 to retry.*SendGrid 401: The provided authorization grant is invalid, expired, or revoked \(1×, the provider refuses the shop's set-up \(API key or sender\): tried again for up to 24 h\)/
        )
      )
      const waiting = await reload(first.id)
      expect(waiting).toEqual(
        expect.objectContaining({
          status: "scheduled",
          attempts: 0,
          last_error: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked",
        })
      )
      const since = new Date(waiting.config_error_since!).getTime()
      const { data: status } = await api.get("/admin/post-purchase/delivery-status", admin)
      expect(status.problem).toEqual(
        expect.objectContaining({
          kind: "configuration",
          cause: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked",
          waiting: 1,
          retry_until: new Date(since + 24 * HOUR_MS).toISOString(),
        })
      )

      // still refused an hour later: the wait grows, the attempt count does not
      const retryAt = new Date(waiting.send_at).getTime()
      expect(retryAt - t0).toBeLessThanOrEqual(MINUTE_MS)
      await dispatch(container, new Date(retryAt + 1_000))
      const stillWaiting = await reload(first.id)
      expect(stillWaiting).toEqual(expect.objectContaining({ status: "scheduled", attempts: 0 }))
      expect(new Date(stillWaiting.config_error_since!).getTime()).toBe(since)

      // the shop fixes the key: the next email goes out, and the waiting one is due at once
      const second = await confirmationOfNewOrder()
      const fixedAt = new Date(retryAt + 2_000)
      expect(await dispatch(container, fixedAt)).toEqual(expect.objectContaining({ sent: 1 }))
      expect((await reload(second.id)).status).toBe("sent")
      expect(await dispatch(container, new Date(fixedAt.getTime() + 1_000))).toEqual(expect.objectContaining({ sent: 1 }))

      const sent = await reload(first.id)
      expect(sent).toEqual(expect.objectContaining({ status: "sent", last_error: null, config_error_since: null }))
      expect(stub.requests.map((r: { status: number }) => r.status)).toEqual([401, 401, 202, 202])
      expect((await api.get("/admin/post-purchase/delivery-status", admin)).data.problem).toBeNull()
    })

    it("a 403 that lasts past the budget: the follow-up fails, saying why", async () => {
      const followup = await confirmationOfNewOrder()
      const t0 = Date.now()
      stub.respondWith(403)
      await dispatch(getContainer(), new Date(t0))

      // the thank-you is due by then too, and meets the same refusal
      stub.respondWith(403, 403)
      await dispatch(getContainer(), new Date(t0 + 25 * HOUR_MS))

      const row = await reload(followup.id)
      expect(row.status).toBe("failed")
      expect(row.last_error).toBe("Gave up after 24 h of configuration errors: SendGrid 403: access forbidden")
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
      await dispatch(getContainer(), new Date(Date.now() + HOUR_MS))
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

    it("a worker that stopped in the middle of a send: the follow-up fails as 'may have gone out', and an admin's bulk resend sends it", async () => {
      const container = getContainer()
      const followup = await confirmationOfNewOrder()
      await dispatch(container)
      // as if the worker died while SendGrid had the request: the notification never got its outcome
      const notifications = container.resolve(Modules.NOTIFICATION)
      const [attempt] = await notifications.listNotifications({ resource_id: followup.id })
      await notifications.updateNotifications({ id: attempt.id, status: "pending" } as any)
      await followupService(container).updateFollowups({
        id: followup.id,
        status: "sending",
        locked_until: new Date(Date.now() - 60_000),
      })

      await dispatch(container)
      const unknown = await reload(followup.id)
      expect(unknown.status).toBe("failed")
      expect(unknown.last_error).toMatch(/may have gone out/)
      expect(stub.requests).toHaveLength(1)

      await api.post("/admin/post-purchase/followups/resend", { ids: [followup.id] }, admin)
      expect(await dispatch(container)).toEqual(expect.objectContaining({ sent: 1 }))
      expect(stub.requests.map((r: any) => r.body.custom_args.pp_followup_id)).toEqual([followup.id, followup.id])
    })

    describe("a possibly-sent email is never sent again", () => {
      it("a timeout, then recording its outcome fails: the batch's other email is given back, the timed-out one is never retried", async () => {
        const container = getContainer()
        const service = followupService(container)
        const restore = oneEmailPerChunk()
        try {
          const first = await confirmationOfNewOrder()
          const second = await confirmationOfNewOrder()
          stub.respondWith("hang")
          // the database drops the connection as the first chunk's outcome is written
          const record = service.recordOutcomes.bind(service)
          jest
            .spyOn(service, "recordOutcomes")
            .mockImplementationOnce(async () => {
              throw new Error("Connection terminated unexpectedly")
            })
            .mockImplementation(record)

          const t0 = Date.now()
          await expect(dispatch(container, new Date(t0))).rejects.toMatchObject({ message: "Connection terminated unexpectedly" })

          const [hung] = stub.requests
          const hungId = hung.body.custom_args.pp_followup_id
          const otherId = hungId === first.id ? second.id : first.id
          expect(stub.requests).toHaveLength(1)
          expect((await reload(hungId)).status).toBe("sending")
          const givenBack = await reload(otherId)
          expect(givenBack).toEqual(
            expect.objectContaining({
              status: "scheduled",
              attempts: 1,
              last_error: "The dispatcher stopped before sending: Connection terminated unexpectedly",
            })
          )

          // after the lease: the timed-out email fails as "may have gone out", the other one goes out
          const afterLease = new Date(t0 + service.getOptions().dispatch.leaseSeconds * 1000 + MINUTE_MS)
          await dispatch(container, afterLease)

          const unknown = await reload(hungId)
          expect(unknown.status).toBe("failed")
          expect(unknown.last_error).toMatch(/may have gone out/)
          expect((await reload(otherId)).status).toBe("sent")
          expect(stub.requests.filter((r: any) => r.body.custom_args.pp_followup_id === hungId)).toHaveLength(1)
          expect(stub.requests.map((r: { status: number | string }) => r.status)).toEqual(["hang", 202])

          await dispatch(container, new Date(afterLease.getTime() + HOUR_MS))
          expect(stub.requests).toHaveLength(2)

          // an admin who checked SendGrid's activity resends it from the list: then, and only then, it goes again
          await api.post("/admin/post-purchase/followups/resend", { ids: [hungId] }, admin)
          await dispatch(container, new Date(afterLease.getTime() + 2 * HOUR_MS))
          expect(await reload(hungId)).toEqual(expect.objectContaining({ status: "sent", last_error: null }))
          expect(stub.requests.map((r: any) => r.body.custom_args.pp_followup_id)).toEqual([hungId, otherId, hungId])
        } finally {
          restore()
        }
      })

      it("a timeout whose outcome was lost, then a batch that fails before sending: the timed-out email is settled first, never resent", async () => {
        const container = getContainer()
        const service = followupService(container)
        const followup = await confirmationOfNewOrder()
        stub.respondWith("hang")
        jest.spyOn(service, "recordOutcomes").mockRejectedValueOnce(new Error("Connection terminated unexpectedly"))
        const t0 = Date.now()
        await expect(dispatch(container, new Date(t0))).rejects.toMatchObject({ message: "Connection terminated unexpectedly" })
        jest.restoreAllMocks()

        // the next worker takes it after the lease, and its batch cannot load the flow settings
        jest.spyOn(service, "listFlowSettings").mockRejectedValueOnce(new Error("could not connect to the database"))
        const afterLease = t0 + service.getOptions().dispatch.leaseSeconds * 1000 + MINUTE_MS
        await dispatch(container, new Date(afterLease))

        const settled = await reload(followup.id)
        expect(settled.status).toBe("failed")
        expect(settled.last_error).toMatch(/may have gone out/)
        await dispatch(container, new Date(afterLease + HOUR_MS))
        expect(stub.requests).toHaveLength(1)
      })

      it("a timeout, then a later chunk throws: no second request for the timed-out email", async () => {
        const container = getContainer()
        const notifications = container.resolve(Modules.NOTIFICATION)
        const restore = oneEmailPerChunk()
        try {
          const first = await confirmationOfNewOrder()
          const second = await confirmationOfNewOrder()
          stub.respondWith("hang")
          // the second chunk's look-up of earlier attempts fails
          const list = notifications.listNotifications.bind(notifications)
          let calls = 0
          jest.spyOn(notifications, "listNotifications").mockImplementation(async (...args: any[]) => {
            if (++calls === 3) {
              throw new Error("Connection terminated unexpectedly")
            }
            return (list as any)(...args)
          })

          const t0 = Date.now()
          await expect(dispatch(container, new Date(t0))).rejects.toMatchObject({ message: "Connection terminated unexpectedly" })
          jest.restoreAllMocks()

          const hungId = stub.requests[0].body.custom_args.pp_followup_id
          const otherId = hungId === first.id ? second.id : first.id
          const timedOut = await reload(hungId)
          expect(timedOut.status).toBe("failed")
          expect(timedOut.last_error).toMatch(/^SendGrid did not answer .*the email may have gone out/)

          const leaseSeconds = followupService(container).getOptions().dispatch.leaseSeconds
          await dispatch(container, new Date(t0 + leaseSeconds * 1000 + MINUTE_MS))
          await dispatch(container, new Date(t0 + 2 * HOUR_MS))

          expect((await reload(otherId)).status).toBe("sent")
          expect(stub.requests.map((r: any) => r.body.custom_args.pp_followup_id)).toEqual([hungId, otherId])
        } finally {
          restore()
        }
      })
    })

    describe("rows the dispatcher could not send", () => {
      it("a lease too short for another send: the rest is given back untried, its attempt not counted", async () => {
        const container = getContainer()
        const service = followupService(container)
        const followup = await confirmationOfNewOrder()
        jest.spyOn(service, "getLongestSendMs").mockReturnValue(service.getOptions().dispatch.leaseSeconds * 1000)

        const summary = await dispatch(container)

        expect(summary).toEqual(expect.objectContaining({ claimed: 1, deferred: 1, sent: 0 }))
        expect(stub.requests).toHaveLength(0)
        expect(await reload(followup.id)).toEqual(expect.objectContaining({ status: "scheduled", attempts: 0, locked_until: null }))

        jest.restoreAllMocks()
        expect(await dispatch(container)).toEqual(expect.objectContaining({ sent: 1 }))
      })

      it("a batch that keeps failing before it sends backs off, records the error and ends as failed", async () => {
        const container = getContainer()
        const service = followupService(container)
        const followup = await confirmationOfNewOrder()
        jest.spyOn(service, "listFlowSettings").mockRejectedValue(new Error("could not connect to the database"))

        let clock = Date.now()
        const first = await dispatch(container, new Date(clock))
        expect(first).toEqual(expect.objectContaining({ retrying: 1 }))
        const waiting = await reload(followup.id)
        expect(waiting).toEqual(
          expect.objectContaining({
            status: "scheduled",
            attempts: 1,
            last_error: "The emails could not be prepared: could not connect to the database",
          })
        )
        const backoff = new Date(waiting.send_at).getTime() - clock
        expect(backoff).toBeGreaterThanOrEqual(30_000)
        expect(backoff).toBeLessThanOrEqual(60_000)
        expect((await dispatch(container, new Date(clock + 1_000))).claimed).toBe(0)

        for (let attempt = 2; attempt <= 5; attempt++) {
          clock += HOUR_MS
          await dispatch(container, new Date(clock))
        }
        const failed = await reload(followup.id)
        expect(failed).toEqual(
          expect.objectContaining({
            status: "failed",
            attempts: 5,
            last_error: "Gave up after 5 attempts: The emails could not be prepared: could not connect to the database",
          })
        )
        expect(stub.requests).toHaveLength(0)
      })

      it("an error left by a 429 goes when the follow-up is canceled", async () => {
        const followup = await confirmationOfNewOrder()
        stub.respondWith(429)
        await dispatch(getContainer())
        expect((await reload(followup.id)).last_error).toBe("SendGrid 429: too many requests")

        await api.post(`/admin/post-purchase/followups/${followup.id}/cancel`, {}, admin)

        expect(await reload(followup.id)).toEqual(
          expect.objectContaining({ status: "canceled", status_reason: "Canceled by an admin", last_error: null })
        )
      })
    })
  },
})
