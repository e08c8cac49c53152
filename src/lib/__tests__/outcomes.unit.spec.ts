import { parsePluginOptions } from "../../modules/post-purchase/options"
import { notAttemptedOutcome, outcomeAfterFailure, sentOutcome, skippedOutcome } from "../outcomes"

const { dispatch } = parsePluginOptions({})
const NOW = new Date("2026-11-26T12:00:00.000Z")
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const at = (ms: number) => new Date(NOW.getTime() + ms)

/** A follow-up its claim just took for the n-th time. */
const claimed = (attempts: number, config_error_since: Date | null = null) => ({ id: "ppfu_1", attempts, config_error_since })

describe("what a failed send means for its follow-up", () => {
  it("a 429 waits for the provider's reset and gives the attempt back", () => {
    const reset = at(7 * MINUTE)
    const outcome = outcomeAfterFailure(claimed(3), { kind: "rate_limited", message: "SendGrid 429", retryAt: reset }, NOW, dispatch)

    expect(outcome).toEqual(expect.objectContaining({ status: "scheduled", attempts: 2, last_error: "SendGrid 429" }))
    expect(outcome.send_at!.getTime()).toBeGreaterThanOrEqual(reset.getTime())
    expect(outcome.send_at!.getTime()).toBeLessThanOrEqual(reset.getTime() + 5_000)
  })

  it("a 429 without a reset time waits the first backoff, still without using the attempt", () => {
    const outcome = outcomeAfterFailure(claimed(1), { kind: "rate_limited", message: "SendGrid 429" }, NOW, dispatch)
    expect(outcome.attempts).toBe(0)
    expect(outcome.send_at!.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(30_000)
    expect(outcome.send_at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(60_000 + 5_000)
  })

  it("a temporary failure backs off exponentially and gives up after the last attempt", () => {
    const failure = { kind: "transient" as const, message: "SendGrid 503: Service unavailable" }
    const third = outcomeAfterFailure(claimed(3), failure, NOW, dispatch)
    // 60 s doubled twice, with equal jitter: between 2 and 4 minutes
    expect(third.send_at!.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(2 * MINUTE)
    expect(third.send_at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(4 * MINUTE)
    expect(third.attempts).toBeUndefined()

    expect(outcomeAfterFailure(claimed(5), failure, NOW, dispatch)).toEqual(
      expect.objectContaining({ status: "failed", last_error: "Gave up after 5 attempts: SendGrid 503: Service unavailable" })
    )
  })

  it("a configuration error is retried without attempts, waiting longer the longer it lasts, up to an hour", () => {
    const failure = { kind: "configuration" as const, message: "SendGrid 401: invalid key" }
    const first = outcomeAfterFailure(claimed(1), failure, NOW, dispatch)
    expect(first).toEqual(expect.objectContaining({ status: "scheduled", attempts: 0, config_error_since: NOW }))
    expect(first.send_at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(MINUTE)

    const tenMinutesIn = outcomeAfterFailure(claimed(1, at(-10 * MINUTE)), failure, NOW, dispatch)
    expect(tenMinutesIn.config_error_since).toEqual(at(-10 * MINUTE))
    expect(tenMinutesIn.send_at!.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(5 * MINUTE)
    expect(tenMinutesIn.send_at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(10 * MINUTE)

    const hoursIn = outcomeAfterFailure(claimed(1, at(-5 * HOUR)), failure, NOW, dispatch)
    expect(hoursIn.send_at!.getTime() - NOW.getTime()).toBeLessThanOrEqual(HOUR)
  })

  it("another kind of failure ends a run of configuration errors, so the banner and its 24 h start afresh", () => {
    const since = at(-2 * HOUR)
    for (const kind of ["rate_limited", "transient"] as const) {
      expect(outcomeAfterFailure(claimed(1, since), { kind, message: "x" }, NOW, dispatch).config_error_since).toBeNull()
    }
  })

  it("a configuration error tries once more at the end of its budget, then fails saying why", () => {
    const failure = { kind: "configuration" as const, message: "SendGrid 403: access forbidden" }
    const lastTry = outcomeAfterFailure(claimed(1, at(-23.9 * HOUR)), failure, NOW, dispatch)
    expect(lastTry.status).toBe("scheduled")
    expect(lastTry.send_at!.getTime()).toBeLessThanOrEqual(at(0.1 * HOUR).getTime())

    expect(outcomeAfterFailure(claimed(1, at(-24 * HOUR)), failure, NOW, dispatch)).toEqual(
      expect.objectContaining({
        status: "failed",
        last_error: "Gave up after 24 h of configuration errors: SendGrid 403: access forbidden",
        config_error_since: null,
      })
    )
  })

  it("a send that may have gone out, or a rejected email, fails at once", () => {
    for (const kind of ["unknown", "permanent"] as const) {
      expect(outcomeAfterFailure(claimed(1), { kind, message: "no" }, NOW, dispatch)).toEqual(
        expect.objectContaining({ status: "failed", last_error: "no", locked_until: null })
      )
    }
  })
})

describe("other outcomes", () => {
  it("given back untried: due again at once, the attempt not counted", () => {
    expect(notAttemptedOutcome(claimed(2))).toEqual({ id: "ppfu_1", status: "scheduled", attempts: 1, locked_until: null })
  })

  it("sent and skipped leave no stale error behind", () => {
    for (const outcome of [sentOutcome("ppfu_1", { id: "noti_1", external_id: "msg" }, NOW), skippedOutcome("ppfu_1", "The order was canceled")]) {
      expect(outcome).toEqual(expect.objectContaining({ last_error: null, config_error_since: null, locked_until: null }))
    }
  })
})
