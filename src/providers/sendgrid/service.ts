import http from "http"
import https from "https"
import type { Duplex } from "stream"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { MailService } from "@sendgrid/mail"
import { DEFAULTS } from "../../lib/defaults"
import { deliveryErrorMessage, type DeliveryFailureKind } from "../../lib/delivery-error"

export type SendgridProviderOptions = {
  apiKey: string
  /** Default sender, e.g. `"Acme <shop@acme.com>"`; a notification's own `from` wins. */
  from: string
  replyTo?: string
  /** SendGrid categories for every message (never personal data). */
  categories?: string[]
  /** Only for tests and benchmarks: a local server that speaks SendGrid's v3 API. */
  baseUrl?: string
  /** Give up on a request SendGrid has not answered after this long (counted from its start). */
  timeoutMs?: number
  /** Give up connecting (DNS, TCP and TLS) after this long; nothing was sent, so the email is tried again. */
  connectTimeoutMs?: number
}

/** The longest one send can take; the plugin's module compares it with `dispatch.leaseSeconds` at boot. */
export function longestSendMs(options: { timeoutMs?: number; connectTimeoutMs?: number }): number {
  return (
    (options.connectTimeoutMs ?? DEFAULTS.sendgridConnectTimeoutMs) + (options.timeoutMs ?? DEFAULTS.sendgridTimeoutMs)
  )
}

type SendgridError = Error & {
  code?: number | string
  isAxiosError?: boolean
  request?: { socket?: Duplex | null }
  response?: {
    headers?: Record<string, unknown>
    body?: { errors?: { message?: string; field?: string | null }[] }
  }
}

/**
 * For each socket our agents open: has it finished connecting (for https,
 * the TLS handshake too)? Before that not a byte of the request can have
 * reached SendGrid, so a failure is safe to retry. axios's own timeout runs
 * while connecting as well, and `socket.connecting` reads false once a
 * socket is destroyed, so neither tells the two apart.
 */
const connectedSockets = new WeakMap<Duplex, boolean>()

/** Destroys the socket if it has not connected after `ms`, long before the answer timeout would give up on it. */
function watchConnect(socket: Duplex, connectedEvent: "connect" | "secureConnect", ms: number) {
  connectedSockets.set(socket, false)
  const timer = setTimeout(() => socket.destroy(new Error(`connect timed out after ${ms} ms`)), ms)
  socket.once(connectedEvent, () => {
    clearTimeout(timer)
    connectedSockets.set(socket, true)
  })
  socket.once("close", () => clearTimeout(timer))
}

/** Makes every socket the agent opens watched by `watchConnect`. */
function withConnectTimeout<A extends http.Agent>(agent: A, connectedEvent: "connect" | "secureConnect", ms: number): A {
  const createConnection = agent.createConnection.bind(agent)
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback)
    if (socket) {
      watchConnect(socket, connectedEvent, ms)
    }
    return socket
  }
  return agent
}

/** The kind of failure an HTTP answer from SendGrid is. */
function kindOfStatus(status: number): DeliveryFailureKind {
  if (status === 429) {
    return "rate_limited"
  }
  if (status >= 500) {
    return "transient"
  }
  // a revoked key, a key without mail.send, an unverified sender: the shop's set-up, not this email
  return status === 401 || status === 403 ? "configuration" : "permanent"
}

/** SendGrid's `X-RateLimit-Reset` header: when it takes requests again, in Unix seconds. */
function rateLimitReset(headers: Record<string, unknown> | undefined): Date | undefined {
  const value = String(headers?.["x-ratelimit-reset"] ?? "").trim()
  return /^\d+$/.test(value) ? new Date(Number(value) * 1000) : undefined
}

/** Keeps SendGrid's status, message and field. */
function answerMessage(status: number, error: SendgridError): string {
  const first = error.response?.body?.errors?.[0]
  const detail = first?.message ? `${first.message}${first.field ? ` (field: ${first.field})` : ""}` : error.message
  const retryAt = status === 429 ? rateLimitReset(error.response?.headers) : undefined
  return deliveryErrorMessage(kindOfStatus(status), `SendGrid ${status}: ${detail}`, { retryAt })
}

/** A failure without an answer: retried only if the request cannot have reached SendGrid. */
function noAnswerMessage(error: SendgridError): string {
  // TLS errors span several lines
  const detail = (error.message || String(error.code)).replace(/\s+/g, " ").trim()
  const socket = error.request?.socket
  if (socket && connectedSockets.get(socket) === false) {
    return deliveryErrorMessage("transient", `SendGrid unreachable: ${detail}`)
  }
  // connected, or through a socket we did not open (a proxy's): the email may have gone out
  return deliveryErrorMessage(
    "unknown",
    `SendGrid did not answer (${detail}); the email may have gone out. Check SendGrid's activity feed, then resend if needed.`
  )
}

/** What a failed send means, as `lib/delivery-error.ts` tags it. */
function failureMessage(error: SendgridError): string {
  if (typeof error.code === "number") {
    return answerMessage(error.code, error)
  }
  if (!error.isAxiosError) {
    // the client refused the email before any request, e.g. a malformed field
    return deliveryErrorMessage("permanent", `SendGrid client: ${error.message}`)
  }
  return noAnswerMessage(error)
}

/**
 * Sends the rendered HTML and text through SendGrid's v3 API and returns
 * SendGrid's `X-Message-Id`, so webhooks and the admin can find the message.
 */
export class SendgridNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "pp-sendgrid"

  protected readonly options_: SendgridProviderOptions
  protected readonly client_: InstanceType<typeof MailService>

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["apiKey", "from"]) {
      if (typeof options[key] !== "string" || !(options[key] as string).trim()) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `medusa-plugin-post-purchase: the SendGrid provider needs the option "${key}"`
        )
      }
    }
    for (const key of ["timeoutMs", "connectTimeoutMs"]) {
      const value = options[key]
      if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `medusa-plugin-post-purchase: the SendGrid provider option "${key}" must be a whole number of milliseconds above 0`
        )
      }
    }
  }

  constructor(_: { logger: Logger }, options: SendgridProviderOptions) {
    super()
    this.options_ = options
    // an instance of its own, so another SendGrid user in the app keeps its settings
    this.client_ = new MailService()
    this.client_.setApiKey(options.apiKey)
    this.client_.setTimeout(options.timeoutMs ?? DEFAULTS.sendgridTimeoutMs)

    // the typings omit the client MailService holds; it is public at run time
    const client = (this.client_ as unknown as { client: { setDefaultRequest(key: string, value: unknown): void } })
      .client
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.sendgridConnectTimeoutMs
    // pooling as Node's global agent, which the client used so far: keep-alive, and idle
    // sockets closed before SendGrid closes them under a new request
    const { keepAlive, scheduling, timeout } = https.globalAgent.options
    const pooling = { keepAlive, scheduling, timeout }
    client.setDefaultRequest("httpsAgent", withConnectTimeout(new https.Agent(pooling), "secureConnect", connectTimeoutMs))
    client.setDefaultRequest("httpAgent", withConnectTimeout(new http.Agent(pooling), "connect", connectTimeoutMs))
    if (options.baseUrl) {
      client.setDefaultRequest("baseUrl", options.baseUrl)
    }
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const content = notification.content
    if (!content?.html || !content.subject) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "SendGrid: a notification needs a rendered subject and HTML body"
      )
    }
    const providerData = (notification.provider_data ?? {}) as {
      custom_args?: Record<string, string>
      categories?: string[]
      headers?: Record<string, string>
    }
    const categories = [...(this.options_.categories ?? []), ...(providerData.categories ?? [])]

    try {
      const [response] = await this.client_.send({
        to: notification.to,
        from: notification.from?.trim() || this.options_.from,
        replyTo: this.options_.replyTo,
        subject: content.subject,
        html: content.html,
        text: content.text || undefined,
        categories: categories.length ? categories : undefined,
        customArgs: providerData.custom_args,
        headers: providerData.headers,
      })
      const messageId = response.headers["x-message-id"]
      return { id: Array.isArray(messageId) ? messageId[0] : messageId }
    } catch (e) {
      throw this.toMedusaError_(e as SendgridError)
    }
  }

  /** Wraps SendGrid's error with its kind (see `lib/delivery-error.ts`), keeping SendGrid's status and message. */
  protected toMedusaError_(error: SendgridError): MedusaError {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, failureMessage(error))
  }
}
