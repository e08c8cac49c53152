import type { FlowAnchor } from "./types"

export type DelayUnit = "seconds" | "minutes" | "hours" | "days"

export const DELAY_UNITS: { value: DelayUnit; label: string; seconds: number }[] = [
  { value: "seconds", label: "Seconds", seconds: 1 },
  { value: "minutes", label: "Minutes", seconds: 60 },
  { value: "hours", label: "Hours", seconds: 60 * 60 },
  { value: "days", label: "Days", seconds: 24 * 60 * 60 },
]

export const unitSeconds = (unit: DelayUnit) =>
  DELAY_UNITS.find((u) => u.value === unit)!.seconds

/** Picks the largest unit that expresses the delay as a whole number (minutes for 0). */
export const splitDelay = (seconds: number): { amount: number; unit: DelayUnit } => {
  const unit =
    seconds === 0
      ? DELAY_UNITS[1]
      : [...DELAY_UNITS].reverse().find((u) => seconds % u.seconds === 0)!
  return { amount: seconds / unit.seconds, unit: unit.value }
}

/** "Immediately", "After 30 minutes", "After 1 day" ... */
export const formatDelay = (seconds: number) => {
  if (seconds === 0) {
    return "Immediately"
  }
  const { amount, unit } = splitDelay(seconds)
  const name = amount === 1 ? unit.slice(0, -1) : unit
  return `After ${amount} ${name}`
}

/** What a delay counts from, as the end of a sentence: "1 day after delivery". */
export const ANCHOR_LABELS: Record<FlowAnchor, string> = {
  placed: "the order is placed",
  shipped: "the order ships",
  delivered: "delivery",
}

/** "Immediately after the order is placed", "1 day after delivery" ... */
/** "3 days after delivery"; a reminder's delay runs from the flow it follows: "5 days after the review request". */
export const formatTiming = (seconds: number, anchor: FlowAnchor, follows?: { label: string } | null) => {
  const when = follows ? `the ${follows.label.toLowerCase()}` : ANCHOR_LABELS[anchor] ?? anchor
  return seconds === 0 ? `Immediately after ${when}` : `${formatDelay(seconds).replace(/^After /, "")} after ${when}`
}

export const formatDate = (value: string | null) =>
  value ? new Date(value).toLocaleString() : "-"

/** "Nov 27, 2026, 10:00 AM", in the admin's locale: for dates inside sentences. */
export const formatDateInText = (value: string) =>
  new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
