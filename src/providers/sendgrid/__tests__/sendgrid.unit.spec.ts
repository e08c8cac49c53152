import { spawn, type ChildProcess } from "child_process"
import { once } from "events"
import http from "http"
import net, { type AddressInfo } from "net"
import { DEFAULTS } from "../../../lib/defaults"
import { parseDeliveryError } from "../../../lib/delivery-error"
import { longestSendMs, SendgridNotificationProviderService } from "../service"

const { startSendgridStub } = require("../../../../scripts/fixtures/sendgrid-stub")

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() } as any
const email = {
  to: "anna@example.com",
  channel: "email",
  template: "order-confirmation",
  content: { subject: "Your order", html: "<p>Hi</p>", text: "Hi" },
}
const MAY_HAVE_GONE_OUT = /^SendGrid did not answer \(.+\); the email may have gone out\. Check SendGrid's activity feed/

function provider(baseUrl: string, extra: Record<string, unknown> = {}) {
  return new SendgridNotificationProviderService(
    { logger },
    { apiKey: "SG.unit", from: "shop@acme.test", baseUrl, ...extra }
  )
}

/** Sends and returns the thrown message, read back as the dispatcher reads it. */
async function failureOf(sending: Promise<unknown>) {
  const message = await sending.then(
    () => {
      throw new Error("the send was expected to fail")
    },
    (e: Error) => e.message
  )
  return { raw: message, ...parseDeliveryError(message) }
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return (server.address() as AddressInfo).port
}

async function closeServer(server: http.Server | net.Server) {
  if (server instanceof http.Server) {
    server.closeAllConnections()
  }
  await new Promise((resolve) => server.close(resolve))
}

/** A TCP server that accepts connections and never says a word. */
async function startSilentTcp() {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => sockets.add(socket))
  const port = await listen(server)
  const close = async () => {
    sockets.forEach((socket) => socket.destroy())
    await closeServer(server)
  }
  return { port, close }
}

// Listens with a backlog of 1, prints its port and stops itself, so it never accepts.
const NEVER_ACCEPTS = `
  const server = require("net").createServer().listen({ port: 0, host: "127.0.0.1", backlog: 1 }, () => {
    process.stdout.write(server.address().port + "\\n")
    process.kill(process.pid, "SIGSTOP")
  })
`

/**
 * A port where a connect never completes, without internet: once the accept
 * queue of a process that never accepts is full, Linux drops further SYNs, so
 * a connect waits for the OS to give up (about two minutes).
 */
async function startHangingPort() {
  const child: ChildProcess = spawn(process.execPath, ["-e", NEVER_ACCEPTS], { stdio: ["ignore", "pipe", "inherit"] })
  const [data] = await once(child.stdout!, "data")
  const port = Number(String(data).trim())
  const fillers: net.Socket[] = []
  const close = () => {
    fillers.forEach((socket) => socket.destroy())
    child.kill("SIGKILL")
  }
  // the kernel completes connects into the queue on its own; fill it until one hangs
  while (fillers.length < 10) {
    const socket = net.connect(port, "127.0.0.1")
    socket.on("error", () => {})
    fillers.push(socket)
    const connected = await Promise.race([
      once(socket, "connect").then(() => true),
      new Promise((resolve) => setTimeout(resolve, 200, false)),
    ])
    if (!connected) {
      return { port, close }
    }
  }
  close()
  throw new Error("could not make a connect hang: the accept queue never filled")
}

describe("SendGrid provider", () => {
  let stub: Awaited<ReturnType<typeof startSendgridStub>>

  beforeAll(async () => {
    stub = await startSendgridStub()
  })
  beforeEach(() => stub.reset())
  afterAll(() => stub.close())

  it("refuses to boot with a missing or bad option, naming it", () => {
    const valid = { apiKey: "SG.x", from: "a@b.c" }
    expect(() => SendgridNotificationProviderService.validateOptions({ from: "a@b.c" })).toThrow('"apiKey"')
    expect(() => SendgridNotificationProviderService.validateOptions({ apiKey: "SG.x" })).toThrow('"from"')
    for (const bad of [0, -1, 1.5, "5000"]) {
      expect(() => SendgridNotificationProviderService.validateOptions({ ...valid, timeoutMs: bad })).toThrow(
        '"timeoutMs"'
      )
      expect(() => SendgridNotificationProviderService.validateOptions({ ...valid, connectTimeoutMs: bad })).toThrow(
        '"connectTimeoutMs"'
      )
    }
    expect(() =>
      SendgridNotificationProviderService.validateOptions({ ...valid, timeoutMs: 5000, connectTimeoutMs: 2000 })
    ).not.toThrow()
  })

  it("tells the module how long one send can take at most", () => {
    expect(longestSendMs({})).toBe(DEFAULTS.sendgridConnectTimeoutMs + DEFAULTS.sendgridTimeoutMs)
    expect(longestSendMs({ timeoutMs: 5000, connectTimeoutMs: 2000 })).toBe(7000)
  })

  it("returns SendGrid's message id", async () => {
    const result = await provider(stub.url).send(email)
    expect(result.id).toBe(stub.requests[0].messageId)
  })

  it("429: rate-limited until SendGrid's X-RateLimit-Reset", async () => {
    const resetAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 90_000)
    stub.respondWith({ status: 429, resetAt }, { status: 429, resetAt: null })
    const sendgrid = provider(stub.url)

    const limited = await failureOf(sendgrid.send(email))
    expect(limited).toEqual(
      expect.objectContaining({ kind: "rate_limited", message: "SendGrid 429: too many requests", retryAt: resetAt })
    )
    const withoutReset = await failureOf(sendgrid.send(email))
    expect(withoutReset.kind).toBe("rate_limited")
    expect(withoutReset.retryAt).toBeUndefined()
  })

  it("5xx: transient", async () => {
    stub.respondWith(503, 500)
    const sendgrid = provider(stub.url)
    expect(await failureOf(sendgrid.send(email))).toEqual(
      expect.objectContaining({ kind: "transient", message: "SendGrid 503: Service unavailable" })
    )
    expect((await failureOf(sendgrid.send(email))).kind).toBe("transient")
  })

  it("401 and 403: the shop's configuration, with SendGrid's message", async () => {
    stub.respondWith(401, 403)
    const sendgrid = provider(stub.url)
    expect(await failureOf(sendgrid.send(email))).toEqual(
      expect.objectContaining({
        kind: "configuration",
        message: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked",
      })
    )
    expect(await failureOf(sendgrid.send(email))).toEqual(
      expect.objectContaining({ kind: "configuration", message: "SendGrid 403: access forbidden" })
    )
  })

  it("other 4xx: permanent and untagged, with SendGrid's message and field", async () => {
    stub.respondWith(400)
    const rejected = await failureOf(provider(stub.url).send(email))
    expect(rejected.raw).toBe("SendGrid 400: The from address does not match a verified Sender Identity. (field: from)")
    expect(rejected.kind).toBe("permanent")
  })

  it("an email the client refuses to build: permanent, and nothing went out", async () => {
    const refused = await failureOf(provider(stub.url).send({ ...email, provider_data: { custom_args: "pp" } }))
    expect(refused).toEqual(expect.objectContaining({ kind: "permanent", message: expect.stringMatching(/^SendGrid client: /) }))
    expect(stub.requests).toHaveLength(0)
  })

  it("a refused connection: transient", async () => {
    const closed = net.createServer()
    const port = await listen(closed)
    await closeServer(closed)

    expect(await failureOf(provider(`http://127.0.0.1:${port}`).send(email))).toEqual({
      kind: "transient",
      message: `SendGrid unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
      raw: expect.any(String),
    })
  })

  describe("a connect that never completes", () => {
    let hanging: Awaited<ReturnType<typeof startHangingPort>>

    beforeAll(async () => {
      hanging = await startHangingPort()
    })
    afterAll(() => hanging?.close())

    it("is transient after connectTimeoutMs, long before the OS gives up", async () => {
      const started = Date.now()
      const failure = await failureOf(
        provider(`http://127.0.0.1:${hanging.port}`, { connectTimeoutMs: 300, timeoutMs: 3000 }).send(email)
      )
      const elapsed = Date.now() - started

      expect(failure.kind).toBe("transient")
      expect(failure.message).toBe("SendGrid unreachable: connect timed out after 300 ms")
      expect(elapsed).toBeGreaterThanOrEqual(290)
      expect(elapsed).toBeLessThan(2000)
    })

    it("is transient too when the answer timeout is the shorter one", async () => {
      const failure = await failureOf(
        provider(`http://127.0.0.1:${hanging.port}`, { connectTimeoutMs: 5000, timeoutMs: 300 }).send(email)
      )
      expect(failure).toEqual(expect.objectContaining({ kind: "transient", message: expect.stringMatching(/^SendGrid unreachable: /) }))
    })
  })

  it("a TLS handshake that never finishes: transient, as nothing was sent", async () => {
    const silent = await startSilentTcp()
    try {
      const failure = await failureOf(
        provider(`https://127.0.0.1:${silent.port}`, { connectTimeoutMs: 300, timeoutMs: 3000 }).send(email)
      )
      expect(failure).toEqual(
        expect.objectContaining({ kind: "transient", message: "SendGrid unreachable: connect timed out after 300 ms" })
      )
    } finally {
      await silent.close()
    }
  })

  it("took the request and never answered: unknown, as the email may have gone out", async () => {
    stub.respondWith("hang")
    const failure = await failureOf(provider(stub.url, { timeoutMs: 200 }).send(email))

    expect(stub.requests).toHaveLength(1)
    expect(failure.kind).toBe("unknown")
    expect(failure.message).toMatch(MAY_HAVE_GONE_OUT)
  })

  it("dropped the connection after the request: unknown", async () => {
    const dropping = http.createServer((req) => req.socket.destroy())
    const port = await listen(dropping)
    try {
      const failure = await failureOf(provider(`http://127.0.0.1:${port}`).send(email))
      expect(failure.kind).toBe("unknown")
      expect(failure.message).toMatch(MAY_HAVE_GONE_OUT)
    } finally {
      await closeServer(dropping)
    }
  })
})
