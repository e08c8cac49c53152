/**
 * The feedback page's pure helpers: the period it shows, and how the NPS and
 * each answer read. The server counts and categorises; these only present.
 */

export type NpsCategory = "promoter" | "passive" | "detractor"

export interface NpsSummary {
  /** −100 to 100; null without answers in the period. */
  score: number | null
  promoters: number
  passives: number
  detractors: number
  total: number
}

export interface FeedbackAnswer {
  order_id: string
  /** null when the order was deleted since */
  order_display_id: number | null
  email: string
  score: number
  category: NpsCategory
  comment: string | null
  improvement: string | null
  answered_at: string
}

/** `GET /admin/post-purchase/feedback` */
export interface FeedbackResponse {
  from: string
  to: string
  nps: NpsSummary
  answers: FeedbackAnswer[]
  count: number
  offset: number
  limit: number
}

export interface FeedbackQuery {
  from: string
  to: string
  limit: number
  offset: number
}

export const FEEDBACK_PAGE_SIZE = 20

export type PeriodChoice = "30" | "90" | "365" | "custom"

export const PERIODS: { value: PeriodChoice; label: string }[] = [
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "365", label: "Last 365 days" },
  { value: "custom", label: "From – to" },
]

const DAY_MS = 24 * 60 * 60 * 1000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight at the start of a calendar day (YYYY-MM-DD) in the admin's own time zone, or null for no valid day. */
function localMidnight(day: string, addDays = 0): Date | null {
  const match = ISO_DAY.exec(day)
  if (!match) {
    return null
  }
  const [year, month, date] = match.slice(1).map(Number)
  const start = new Date(year, month - 1, date)
  // the Date constructor rolls 2026-02-30 over into March
  if (start.getMonth() !== month - 1 || start.getDate() !== date) {
    return null
  }
  return new Date(year, month - 1, date + addDays)
}

/**
 * The period to ask for: the last 30, 90 or 365 days up to now, or from the
 * start of one day to the end of another, both in the admin's time zone.
 * Null, with why, when the chosen days don't make a period.
 */
export function periodRange(
  choice: PeriodChoice,
  custom: { from: string; to: string },
  now: Date = new Date()
): { range: { from: string; to: string } } | { problem: string } {
  if (choice !== "custom") {
    return { range: { from: new Date(now.getTime() - Number(choice) * DAY_MS).toISOString(), to: now.toISOString() } }
  }
  const from = localMidnight(custom.from)
  const to = localMidnight(custom.to, 1)
  if (!from || !to) {
    return { problem: "Choose the first and the last day." }
  }
  if (to <= from) {
    return { problem: "The last day can’t be before the first." }
  }
  return { range: { from: from.toISOString(), to: to.toISOString() } }
}

/** "+17", "−50", "0", or "–" for a period without answers: NPS is customarily shown with its sign. */
export function formatNps(score: number | null): string {
  if (score === null) {
    return "–"
  }
  return score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : "0"
}

/** A group's share of the answers in whole percent, "0%" without answers. */
export function shareOf(count: number, total: number): string {
  return `${total ? Math.round((100 * count) / total) : 0}%`
}

/** How each answer's group shows: a detractor stands out, so someone follows up. */
export const CATEGORY_BADGES: Record<NpsCategory, { label: string; color: "green" | "grey" | "red" }> = {
  promoter: { label: "Promoter", color: "green" },
  passive: { label: "Passive", color: "grey" },
  detractor: { label: "Detractor — follow up", color: "red" },
}

/** Where an answer's order opens in the admin. */
export const orderPath = (answer: Pick<FeedbackAnswer, "order_id">) => `/orders/${answer.order_id}`

/** "Order #1001", or the id when the order is gone. */
export const orderLabel = (answer: Pick<FeedbackAnswer, "order_id" | "order_display_id">) =>
  answer.order_display_id === null ? answer.order_id : `Order #${answer.order_display_id}`
