/**
 * Every number that decides how the plugin behaves, in one place. Each one can
 * be overridden in the plugin options (see `modules/post-purchase/options.ts`).
 */
export const DEFAULTS = {
  /** Follow-ups claimed per dispatcher run. */
  batchSize: 100,
  /** Emails handed to the provider side by side, in one Notification Module call. */
  concurrency: 50,
  /** Sends tried before a follow-up is marked failed. */
  maxAttempts: 5,
  /** First retry delay; each later retry doubles it (with jitter). */
  backoffSeconds: 60,
  /** Longest wait between two retries. */
  maxBackoffSeconds: 6 * 60 * 60,
  /** A `sending` row whose worker died is claimed again after this long. */
  leaseSeconds: 5 * 60,
  /** Upper bound for any flow delay an admin can set. */
  maxDelaySeconds: 365 * 24 * 60 * 60,
  /** SendGrid: stop waiting for an answer this long after connecting (the email may have gone out). */
  sendgridTimeoutMs: 30_000,
  /** SendGrid: stop connecting after this long (nothing was sent, so it is tried again). */
  sendgridConnectTimeoutMs: 10_000,
  /** The Notification Module channel the plugin sends on. */
  channel: "email",
} as const

/** The dispatcher's schedule: every minute, or `PP_DISPATCH_INTERVAL_MS` (demo, benchmarks). */
export const DISPATCH_CRON = "* * * * *"
