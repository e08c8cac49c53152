import type { PluginOptions } from "../modules/post-purchase/options"
import type { ClaimedFollowup, FollowupDTO } from "../modules/post-purchase/types"
import { DEFAULTS } from "./defaults"
import type { DeliveryFailure } from "./delivery-error"

/** What the dispatcher writes back to a follow-up it holds. */
export type Outcome = Pick<FollowupDTO, "id" | "status"> & Partial<FollowupDTO>

type Dispatch = PluginOptions["dispatch"]
type Attempted = Pick<ClaimedFollowup, "id" | "attempts" | "config_error_since">

const HOUR_MS = 60 * 60 * 1000

/** Every final state but `failed` drops the lease and any error an earlier attempt left. */
const SETTLED = { locked_until: null, last_error: null, config_error_since: null }

export function sentOutcome(id: string, notification: { id: string; external_id?: string | null }, at: Date): Outcome {
  return {
    id,
    status: "sent",
    sent_at: at,
    notification_id: notification.id,
    provider_message_id: notification.external_id ?? null,
    ...SETTLED,
  }
}

export function skippedOutcome(id: string, reason: string): Outcome {
  return { id, status: "skipped", status_reason: reason, ...SETTLED }
}

export function failedOutcome(id: string, message: string): Outcome {
  return { id, status: "failed", last_error: message, locked_until: null, config_error_since: null }
}

/**
 * Held back before sending (quiet hours, the frequency cap, the delivery): due
 * again at `until`, with the reason for the admin; the attempt does not count.
 */
export function heldOutcome(
  followup: Attempted,
  until: Date,
  reason: string,
  deferredSince: Date | string | null
): Outcome {
  return {
    id: followup.id,
    status: "scheduled",
    send_at: until,
    status_reason: reason,
    // what holds it now is what the admin should read, not an earlier attempt's error
    last_error: null,
    deferred_since: deferredSince ? new Date(deferredSince) : null,
    attempts: followup.attempts - 1,
    locked_until: null,
  }
}

/** Given back unsent (the lease ran short): due again at once, and the attempt does not count. */
export function notAttemptedOutcome(followup: Attempted): Outcome {
  return { id: followup.id, status: "scheduled", attempts: followup.attempts - 1, locked_until: null }
}

/**
 * What a failed attempt means for its follow-up, by the failure's kind (see
 * `delivery-error.ts`): when it is tried again, or that it failed.
 */
export function outcomeAfterFailure(
  followup: Attempted,
  failure: DeliveryFailure,
  now: Date,
  dispatch: Dispatch
): Outcome {
  switch (failure.kind) {
    case "rate_limited": {
      const at = failure.retryAt && failure.retryAt > now ? failure.retryAt.getTime() : now.getTime() + backoffMs(1, dispatch)
      // spread the retries a little, so they do not all arrive the second the limit resets
      const spread = Math.random() * DEFAULTS.rateLimitSpreadMs
      return retry(followup, new Date(at + spread), failure.message, { attempts: followup.attempts - 1 })
    }
    case "configuration": {
      const since = followup.config_error_since ? new Date(followup.config_error_since) : now
      const giveUpAt = since.getTime() + dispatch.configErrorRetryHours * HOUR_MS
      if (now.getTime() >= giveUpAt) {
        return failedOutcome(
          followup.id,
          `Gave up after ${dispatch.configErrorRetryHours} h of configuration errors: ${failure.message}`
        )
      }
      // the wait doubles with the time the error has lasted, from the first backoff up to an hour
      const waitMs = Math.min(
        Math.max(now.getTime() - since.getTime(), dispatch.backoffSeconds * 1000),
        DEFAULTS.configErrorMaxBackoffSeconds * 1000
      )
      const at = Math.min(now.getTime() + withJitter(waitMs), giveUpAt)
      return retry(followup, new Date(at), failure.message, { attempts: followup.attempts - 1, config_error_since: since })
    }
    case "transient":
      if (followup.attempts >= dispatch.maxAttempts) {
        return failedOutcome(followup.id, `Gave up after ${dispatch.maxAttempts} attempts: ${failure.message}`)
      }
      return retry(followup, new Date(now.getTime() + backoffMs(followup.attempts, dispatch)), failure.message)
    case "unknown":
    case "permanent":
      return failedOutcome(followup.id, failure.message)
  }
}

/** Due again at `at`; a run of configuration errors ends unless `extra` carries it on. */
function retry(followup: Attempted, at: Date, message: string, extra: Partial<FollowupDTO> = {}): Outcome {
  return {
    id: followup.id,
    status: "scheduled",
    send_at: at,
    last_error: message,
    // it was tried, so whatever held it back before is over
    status_reason: null,
    locked_until: null,
    config_error_since: null,
    ...extra,
  }
}

/** Exponential backoff: the first retry after `backoffSeconds`, doubling per attempt, capped, with jitter. */
export function backoffMs(attempt: number, dispatch: Dispatch): number {
  const exponential = dispatch.backoffSeconds * 2 ** Math.max(0, attempt - 1)
  return withJitter(Math.min(exponential, dispatch.maxBackoffSeconds) * 1000)
}

/** Equal jitter: half the delay fixed, half random, so retries of one batch spread out. */
function withJitter(ms: number): number {
  return Math.round(ms / 2 + Math.random() * (ms / 2))
}
