import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { MailService } from "@sendgrid/mail"
import { RETRYABLE_MARKER } from "../../lib/delivery-error"

export type SendgridProviderOptions = {
  apiKey: string
  /** Default sender, e.g. `"Acme <shop@acme.com>"`; a notification's own `from` wins. */
  from: string
  replyTo?: string
  /** SendGrid categories for every message (never personal data). */
  categories?: string[]
  /** Only for tests and benchmarks: a local server that speaks SendGrid's v3 API. */
  baseUrl?: string
  /** Give up on an unanswered request after this long; keep it well below the dispatch lease. */
  timeoutMs?: number
}

/** Network errors that mean the request never reached SendGrid, so sending again is safe. */
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"])

type SendgridError = Error & {
  code?: number | string
  response?: { body?: { errors?: { message?: string; field?: string | null }[] } }
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
  }

  constructor(_: { logger: Logger }, options: SendgridProviderOptions) {
    super()
    this.options_ = options
    // an instance of its own, so another SendGrid user in the app keeps its settings
    this.client_ = new MailService()
    this.client_.setApiKey(options.apiKey)
    this.client_.setTimeout(options.timeoutMs ?? 30_000)
    if (options.baseUrl) {
      // the typings omit the client MailService holds; it is public at run time
      ;(this.client_ as unknown as { client: { setDefaultRequest(key: string, value: string): void } }).client.setDefaultRequest(
        "baseUrl",
        options.baseUrl
      )
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
      })
      const messageId = response.headers["x-message-id"]
      return { id: Array.isArray(messageId) ? messageId[0] : messageId }
    } catch (e) {
      throw this.toMedusaError_(e as SendgridError)
    }
  }

  /** Keeps SendGrid's status, message and field; marks what is worth retrying. */
  protected toMedusaError_(error: SendgridError): MedusaError {
    const status = typeof error.code === "number" ? error.code : undefined
    if (status === undefined && !NOT_DELIVERED.has(String(error.code))) {
      // a timeout or a dropped connection: SendGrid may have accepted the email, so no blind retry
      return new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `SendGrid did not answer (${error.code ?? error.message}); the email may have gone out. Check SendGrid's activity feed, then resend if needed.`
      )
    }
    const first = error.response?.body?.errors?.[0]
    const detail = first?.message
      ? `${first.message}${first.field ? ` (field: ${first.field})` : ""}`
      : error.message
    const retryable = status === undefined || status === 429 || status >= 500
    const prefix = status ? `SendGrid ${status}` : `SendGrid unreachable`
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `${prefix}: ${detail}${retryable ? ` ${RETRYABLE_MARKER}` : ""}`
    )
  }
}
