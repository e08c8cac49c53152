import { TZDate } from "@date-fns/tz"
import type { PluginOptions } from "../modules/post-purchase/options"

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number)
  return hours * 60 + minutes
}

/**
 * When the shop's quiet hours that `at` falls in end, or null when `at` is
 * outside them. Local times are read in the shop's time zone, so the morning
 * is 08:00 on the wall clock on either side of a daylight-saving switch.
 */
export function endOfQuietHours(at: Date, quiet: PluginOptions["quietHours"]): Date | null {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (!quiet.enabled || start === end) {
    return null
  }
  const local = new TZDate(at.getTime(), quiet.timeZone)
  const now = local.getHours() * 60 + local.getMinutes()
  const quietNow = start < end ? now >= start && now < end : now >= start || now < end
  if (!quietNow) {
    return null
  }
  // they end later today, or (past midnight's start) tomorrow
  const day = local.getDate() + (now >= end ? 1 : 0)
  const ends = new TZDate(local.getFullYear(), local.getMonth(), day, Math.floor(end / 60), end % 60, quiet.timeZone)
  return new Date(ends.getTime())
}

/** A wait before a follow-up may go out, and why, as the admin sees it. */
export type Wait = { until: Date; reason: string; capped?: boolean }

/**
 * When a marketing email may go out at the earliest, given the waits that
 * apply to it (the frequency cap, the delivery), then moved past the quiet
 * hours. Null when it may go now.
 */
export function earliestSend(now: Date, waits: Wait[], quiet: PluginOptions["quietHours"]): Wait | null {
  const applying = waits.filter((wait) => wait.until > now).sort((a, b) => b.until.getTime() - a.until.getTime())
  const latest = applying[0]
  const at = latest?.until ?? now
  const morning = endOfQuietHours(at, quiet)
  if (!latest && !morning) {
    return null
  }
  const reasons = applying.map((wait) => wait.reason)
  if (morning) {
    reasons.push(`quiet hours ${quiet.start}–${quiet.end} (${quiet.timeZone})`)
  }
  return {
    until: morning ?? at,
    reason: `Held until ${formatWhen(morning ?? at, quiet.timeZone)}: ${reasons.join("; ")}`,
    capped: applying.some((wait) => wait.capped),
  }
}

/** The frequency cap's wait: one window after the recipient's latest marketing email. */
export function frequencyCapWait(lastMarketingAt: Date | null, cap: PluginOptions["frequencyCap"]): Wait | null {
  if (!cap.enabled || !lastMarketingAt) {
    return null
  }
  return {
    until: new Date(lastMarketingAt.getTime() + cap.windowHours * HOUR_MS),
    reason: `at most one marketing email per ${cap.windowHours} h, and one went to this recipient at ${lastMarketingAt.toISOString()}`,
    capped: true,
  }
}

/** Whether the frequency cap has held a follow-up back for longer than it may. */
export function heldTooLong(since: Date, until: Date, cap: PluginOptions["frequencyCap"]): boolean {
  return until.getTime() - since.getTime() > cap.maxDeferralDays * 24 * HOUR_MS
}

function formatWhen(at: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(at)} ${timeZone}`
}
