/**
 * What a failed send means for its follow-up. Providers throw; the
 * Notification Module wraps their message in its own, so the kind travels as
 * a tag at the end of the message, e.g.
 * `SendGrid 429: too many requests [pp:rate_limited retry_at=2026-11-26T15:00:00.000Z]`.
 * A message without a tag is permanent.
 *
 * - `rate_limited`: the provider asked us to slow down (429). Tried again at
 *   `retry_at` (or after the backoff), and it does not use up an attempt.
 * - `transient`: nothing was delivered and trying again may work (5xx, could
 *   not connect). Uses an attempt, with backoff.
 * - `configuration`: the provider refuses the shop's set-up (401, 403: a
 *   rotated key, an unverified sender). Retried with a backoff capped at an
 *   hour for `dispatch.configErrorRetryHours`, without using attempts, so a
 *   fix made in that time sends everything without an admin's help.
 * - `unknown`: the request went out and no answer came back, so the email
 *   may have been sent. Never retried blindly: the follow-up fails, saying so.
 * - `permanent`: the provider rejected this email (other 4xx). Fails with the
 *   provider's message.
 */
export type DeliveryFailureKind = "rate_limited" | "transient" | "configuration" | "unknown" | "permanent"

export type DeliveryFailure = {
  kind: DeliveryFailureKind
  /** The provider's message without the tag. */
  message: string
  /** For `rate_limited`: when the provider accepts requests again. */
  retryAt?: Date
}

const TAG = /\s*\[pp:(rate_limited|transient|configuration|unknown)(?: retry_at=(\S+))?\]/

/** The message a provider throws for a failure of this kind. */
export function deliveryErrorMessage(
  kind: DeliveryFailureKind,
  message: string,
  { retryAt }: { retryAt?: Date } = {}
): string {
  if (kind === "permanent") {
    return message
  }
  const at = retryAt && !Number.isNaN(retryAt.getTime()) ? ` retry_at=${retryAt.toISOString()}` : ""
  return `${message} [pp:${kind}${at}]`
}

/** Reads the kind back from a (possibly wrapped) error message. */
export function parseDeliveryError(raw: string): DeliveryFailure {
  const match = raw.match(TAG)
  if (!match) {
    return { kind: "permanent", message: raw.trim() }
  }
  const retryAt = match[2] ? new Date(match[2]) : undefined
  return {
    kind: match[1] as DeliveryFailureKind,
    message: raw.replace(TAG, "").trim(),
    ...(retryAt && !Number.isNaN(retryAt.getTime()) ? { retryAt } : {}),
  }
}

/** Drops the Notification Module's "Failed to send notification with id …:" prefix. */
export function providerErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^Failed to send notification with id \S+:\s*/s, "").trim()
}
