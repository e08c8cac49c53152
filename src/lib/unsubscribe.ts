import type { PluginOptions } from "../modules/post-purchase/options"
import { signLink, verifyLink, type SigningKey } from "./signed-link"

/** Where the plugin answers unsubscribe links: outside /store (no publishable key in a mail client) and /admin. */
export const UNSUBSCRIBE_PATH = "/hooks/post-purchase/unsubscribe"

const PURPOSE = "unsubscribe"
const DAY_MS = 24 * 60 * 60 * 1000

/** The signed unsubscribe link for one recipient and flow. */
export function unsubscribeUrl(
  recipient: { email: string; flow: string; locale?: string | null },
  options: PluginOptions,
  keys: SigningKey[],
  now: Date = new Date()
): string {
  const token = signLink(
    // the page it opens speaks the email's language
    { purpose: PURPOSE, email: recipient.email, flow: recipient.flow, ...(recipient.locale ? { locale: recipient.locale } : {}) },
    new Date(now.getTime() + options.consent.unsubscribeLinkDays * DAY_MS),
    keys
  )
  return `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=${token}`
}

/** The headers RFC 8058 asks of marketing email: a one-click unsubscribe a mail client can POST to. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  }
}

/** The recipient and flow an unsubscribe token names, or why it is refused. */
export function readUnsubscribeToken(token: string, keys: SigningKey[], now?: Date) {
  const verified = verifyLink(token, PURPOSE, keys, now)
  if (!verified.valid) {
    return verified
  }
  const { email, flow, locale } = verified.claims
  return typeof email === "string" && typeof flow === "string"
    ? { valid: true as const, email, flow, locale: typeof locale === "string" ? locale : null, expires_at: verified.expires_at }
    : { valid: false as const, reason: "malformed" as const }
}
