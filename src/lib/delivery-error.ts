/**
 * Providers throw; the Notification Module wraps their message in its own. This
 * marker survives the wrapping and tells the dispatcher to retry with backoff
 * instead of giving up (429, 5xx, network errors).
 */
export const RETRYABLE_MARKER = "[retryable]"

export function isRetryableDeliveryError(message: string): boolean {
  return message.includes(RETRYABLE_MARKER)
}

/** Drops the Notification Module's "Failed to send notification with id …:" prefix. */
export function providerErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^Failed to send notification with id \S+:\s*/s, "").trim()
}
