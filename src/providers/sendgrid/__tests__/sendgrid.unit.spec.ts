import http from "http"
import type { AddressInfo } from "net"
import { SendgridNotificationProviderService } from "../service"

const { startSendgridStub } = require("../../../../scripts/fixtures/sendgrid-stub")

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() } as any
const email = {
  to: "anna@example.com",
  channel: "email",
  template: "order-confirmation",
  content: { subject: "Your order", html: "<p>Hi</p>", text: "Hi" },
}

function provider(baseUrl: string, extra: Record<string, unknown> = {}) {
  return new SendgridNotificationProviderService(
    { logger },
    { apiKey: "SG.unit", from: "shop@acme.test", baseUrl, ...extra }
  )
}

describe("SendGrid provider", () => {
  it("refuses to boot without an API key or sender, naming the option", () => {
    expect(() => SendgridNotificationProviderService.validateOptions({ from: "a@b.c" })).toThrow('"apiKey"')
    expect(() => SendgridNotificationProviderService.validateOptions({ apiKey: "SG.x" })).toThrow('"from"')
  })

  it("returns SendGrid's message id", async () => {
    const stub = await startSendgridStub()
    try {
      const result = await provider(stub.url).send(email)
      expect(result.id).toBe(stub.requests[0].messageId)
    } finally {
      await stub.close()
    }
  })

  it("marks 429 and 5xx as worth retrying and keeps 4xx final, with SendGrid's message", async () => {
    const stub = await startSendgridStub()
    try {
      stub.respondWith(429, 503, 400)
      const sendgrid = provider(stub.url)
      await expect(sendgrid.send(email)).rejects.toThrow("SendGrid 429: too many requests [retryable]")
      await expect(sendgrid.send(email)).rejects.toThrow("SendGrid 503: Service unavailable [retryable]")
      const permanent = await sendgrid.send(email).catch((e: Error) => e.message)
      expect(permanent).toBe("SendGrid 400: The from address does not match a verified Sender Identity. (field: from)")
    } finally {
      await stub.close()
    }
  })

  it("retries when SendGrid cannot be reached at all", async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))

    await expect(provider(`http://127.0.0.1:${port}`).send(email)).rejects.toThrow(/ECONNREFUSED.*\[retryable\]/)
  })

  it("does not retry blindly when SendGrid took the request but never answered", async () => {
    const silent = http.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve))
    const { port } = silent.address() as AddressInfo
    try {
      const message = await provider(`http://127.0.0.1:${port}`, { timeoutMs: 200 })
        .send(email)
        .catch((e: Error) => e.message)
      expect(message).toMatch(/^SendGrid did not answer .*the email may have gone out/)
      expect(message).not.toContain("[retryable]")
    } finally {
      silent.closeAllConnections()
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})
