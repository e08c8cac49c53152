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
  /** 401s and 403s are retried for this long (backoff capped at an hour), then the follow-ups fail. */
  configErrorRetryHours: 24,
  /** The longest wait between two retries after a configuration error. */
  configErrorMaxBackoffSeconds: 60 * 60,
  /** Retries after a 429 spread over this long past the provider's reset time. */
  rateLimitSpreadMs: 5_000,
  /** What a send into the local mailbox may take at most. */
  mailboxSendMs: 1_000,
  /** What a send through a provider the plugin does not know may take at most. */
  assumedProviderTimeoutMs: 30_000,
  /** Time kept free at the end of a lease to record the last chunk's outcomes. */
  leaseMarginMs: 5_000,
  /** The reconciliation looks this far back for orders whose order.placed was missed. */
  reconcileLookbackHours: 48,
  /** ... and leaves orders younger than this to their subscriber. */
  reconcileGraceMinutes: 5,
  /** Orders the reconciliation schedules in one run at most; the next run takes the rest. */
  reconcileBatchSize: 500,
  /** Days a parcel takes within the shop's home country, for the delivery fallback. */
  domesticTransitDays: 2,
  /** Days a parcel takes to another country, for the delivery fallback. */
  internationalTransitDays: 5,
  /** Marketing email waits for the end of the shop's quiet hours, in its time zone. */
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  timeZone: "Europe/Amsterdam",
  /** At most one marketing email per recipient in this many hours; a later one waits. */
  frequencyCapHours: 24,
  /** A follow-up the frequency cap holds back for longer than this is skipped. */
  maxDeferralDays: 7,
  /** A flow that waits for the delivery looks again this often while the order has not shipped. */
  deliveryRecheckHours: 6,
  /** How long an unsubscribe link keeps working (CAN-SPAM asks for at least 30 days). */
  unsubscribeLinkDays: 90,
  /** Follow-ups one bulk resend or cancel may name. */
  maxBulkFollowups: 1000,
  /** Upper bound for any flow delay an admin can set. */
  maxDelaySeconds: 365 * 24 * 60 * 60,
  /** SendGrid: give up on a request this long after it started, connecting included (once connected, the email may have gone out). */
  sendgridTimeoutMs: 30_000,
  /** SendGrid: stop connecting after this long (nothing was sent, so it is tried again). */
  sendgridConnectTimeoutMs: 10_000,
  /** The Notification Module channel the plugin sends on. */
  channel: "email",
  /** A withdrawal link works this long: the longest return window (365 days) plus the delivery. */
  withdrawalLinkDays: 400,
  /** The "return window closing" email goes this many days before the last day to return. */
  windowClosingDays: 3,
} as const

/** The dispatcher's schedule: every minute, or `PP_DISPATCH_INTERVAL_MS` (demo, benchmarks). */
export const DISPATCH_CRON = "* * * * *"

/** The reconciliation's schedule: every five minutes, or `PP_RECONCILE_INTERVAL_MS` (demo, tests). */
export const RECONCILE_CRON = "*/5 * * * *"

/** Loyalty: pending points are confirmed once a day, or every `PP_LOYALTY_CONFIRM_INTERVAL_MS` (demo, tests). */
export const LOYALTY_CONFIRM_CRON = "30 3 * * *"

// loyalty tiers and expiry
/** Loyalty: tiers move with the rolling window once a day, after the confirmation, or every `PP_LOYALTY_TIERS_INTERVAL_MS` (tests). */
export const LOYALTY_TIERS_CRON = "45 3 * * *"

/** Loyalty: points expire, and their reminders go, once a day, or every `PP_LOYALTY_EXPIRY_INTERVAL_MS` (tests). */
export const LOYALTY_EXPIRY_CRON = "0 4 * * *"

/** Tiers look at the members active in this many months: the 12-month window, and one more to move those who stopped down. */
export const LOYALTY_TIER_ACTIVITY_MONTHS = 13
