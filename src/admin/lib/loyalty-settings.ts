import type { EntryType } from "../../modules/loyalty/constants"
import type { LoyaltySettings, Tier } from "../../modules/loyalty/settings"

/**
 * The loyalty settings page's and the customer widget's words: the form's
 * fields and the settings they make, the API's field paths mapped back to the
 * inputs, the adjustment form's fields, and the tier progress. Only types
 * come from the module: its schema stays on the server, which names every bad
 * field (`"earn_rates.0.points_per_unit": must be more than 0`).
 */

export type { LoyaltySettings }

export type CustomerGroupOption = { id: string; name: string }

/** `GET|POST /admin/post-purchase/loyalty/settings`. */
export type LoyaltyProgrammeResponse = {
  settings: LoyaltySettings
  updated_by: string | null
  updated_at: string | null
  customer_groups: CustomerGroupOption[]
  /** Whether Medusa's loyalty plugin runs, so a reward can be paid out as store credit. */
  store_credit_available: boolean
  /** Tiers whose customer group was deleted in Medusa since: their members keep the tier, without a group. */
  missing_customer_groups?: { tier_id: string; path: string; customer_group_id: string }[]
}

export type LedgerEntry = {
  id: string
  type: EntryType
  points: number
  reason: string
  order_id: string | null
  promotion_code: string | null
  reward_id: string | null
  created_by: string | null
  created_at: string
}

/** The tier and the way to the next, by points earned in a rolling window; no next tier at the top or for tiers by money spent. */
export type TierProgressView = {
  tier: { id: string; name: string } | null
  next_tier: { id: string; name: string; threshold: number; remaining: number } | null
  /** Points earned, or money spent (tiers by `spend`, in the tiers' currency), in the window. */
  earned_in_window: number
  window_months: number
}

/** `GET /admin/post-purchase/customers/:id/loyalty`. */
export type CustomerLoyaltyResponse = {
  account: { available: number; pending: number; lifetime: number; tier: string | null; referral_code: string | null }
  tier_progress: TierProgressView
  /** The next points to expire, and when; null when none will. */
  expiring: { points: number; expires_at: string } | null
  entries: LedgerEntry[]
  count: number
  limit: number
  offset: number
}

export const LEDGER_PAGE_SIZE = 10

export const ENTRY_TYPE_LABELS: Record<EntryType, string> = {
  earn: "Earned (pending)",
  confirm: "Confirmed",
  redeem: "Redeemed",
  revert: "Reverted",
  expire: "Expired",
  adjust: "Adjusted",
  bonus: "Bonus",
}

export const DISCOUNT_KIND_LABELS = { fixed: "Amount off", percentage: "Percentage off" } as const
/** A reward can also be paid out as store credit, where Medusa's loyalty plugin runs. */
export const REWARD_KIND_LABELS = { ...DISCOUNT_KIND_LABELS, store_credit: "Store credit" } as const
export const TIER_BASIS_LABELS = { points: "Points earned in 12 months", spend: "Money spent in 12 months" } as const
export const EXPIRY_MODE_LABELS = {
  inactivity: "All points, after that long without activity",
  oldest_first: "Each batch, that long after it was confirmed (oldest first)",
} as const

type Kind = keyof typeof REWARD_KIND_LABELS
type Basis = keyof typeof TIER_BASIS_LABELS
type Mode = keyof typeof EXPIRY_MODE_LABELS

/** A discount as typed: the value as text, no currency as "". */
export type DiscountForm = { kind: Kind; value: string; currency_code: string }

/** The page's state: numbers as typed, so a half-typed value is sent and refused at its field, not lost. */
export interface LoyaltyForm {
  enabled: boolean
  earn_rates: { currency_code: string; points_per_unit: string; include_shipping: boolean; include_tax: boolean }[]
  rewards: { id: string; name: string; points_cost: string; discount: DiscountForm; expires_in_days: string }[]
  tiers: {
    basis: Basis
    currency_code: string
    levels: { id: string; name: string; threshold: string; customer_group_id: string; multiplier: string }[]
  }
  expiry: { months: string; mode: Mode; reminder_days: string }
  bonuses: { signup: string; first_order: string; approved_review: string }
  referrals: { enabled: boolean; referrer_points: string; discount: DiscountForm }
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value))

const discountForm = (discount: LoyaltySettings["rewards"][number]["discount"]): DiscountForm => ({
  kind: discount.kind,
  value: text(discount.value),
  currency_code: discount.currency_code ?? "",
})

export const formOf = (settings: LoyaltySettings): LoyaltyForm => ({
  enabled: settings.enabled,
  earn_rates: settings.earn_rates.map((rate) => ({ ...rate, points_per_unit: text(rate.points_per_unit) })),
  rewards: settings.rewards.map((reward) => ({
    id: reward.id,
    name: reward.name,
    points_cost: text(reward.points_cost),
    discount: discountForm(reward.discount),
    expires_in_days: text(reward.expires_in_days),
  })),
  tiers: {
    basis: settings.tiers.basis,
    currency_code: settings.tiers.currency_code ?? "",
    levels: settings.tiers.levels.map((tier) => ({
      id: tier.id,
      name: tier.name,
      threshold: text(tier.threshold),
      customer_group_id: tier.customer_group_id ?? "",
      multiplier: text(tier.multiplier),
    })),
  },
  expiry: { months: text(settings.expiry.months), mode: settings.expiry.mode, reminder_days: text(settings.expiry.reminder_days) },
  bonuses: {
    signup: text(settings.bonuses.signup),
    first_order: text(settings.bonuses.first_order),
    approved_review: text(settings.bonuses.approved_review),
  },
  referrals: {
    enabled: settings.referrals.enabled,
    referrer_points: text(settings.referrals.referrer_points),
    discount: discountForm(settings.referrals.discount),
  },
})

/**
 * A typed number as the API takes it: a number when it reads as one, null
 * when empty, and anything else as typed, so the server's 400 names the field.
 */
export const numberOf = (typed: string): number | string | null => {
  const value = typed.trim().replace(",", ".")
  if (!value) return null
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : typed
}

const optional = (typed: string) => typed.trim().toLowerCase() || null

const discountOf = (discount: DiscountForm) => ({
  kind: discount.kind,
  value: numberOf(discount.value),
  // a percentage has no currency, whatever was typed before the kind changed
  currency_code: discount.kind === "percentage" ? null : optional(discount.currency_code),
})

/** The whole settings object the Save sends; not checked here: the server's answer is. */
export const settingsOf = (form: LoyaltyForm) => ({
  enabled: form.enabled,
  earn_rates: form.earn_rates.map((rate) => ({
    currency_code: rate.currency_code.trim().toLowerCase(),
    points_per_unit: numberOf(rate.points_per_unit),
    include_shipping: rate.include_shipping,
    include_tax: rate.include_tax,
  })),
  rewards: form.rewards.map((reward) => ({
    id: reward.id.trim(),
    name: reward.name,
    points_cost: numberOf(reward.points_cost),
    discount: discountOf(reward.discount),
    expires_in_days: numberOf(reward.expires_in_days),
  })),
  tiers: {
    basis: form.tiers.basis,
    currency_code: form.tiers.basis === "spend" ? optional(form.tiers.currency_code) : null,
    levels: form.tiers.levels.map((tier) => ({
      id: tier.id.trim(),
      name: tier.name,
      threshold: numberOf(tier.threshold),
      customer_group_id: tier.customer_group_id || null,
      multiplier: numberOf(tier.multiplier),
    })),
  },
  expiry: { months: numberOf(form.expiry.months), mode: form.expiry.mode, reminder_days: numberOf(form.expiry.reminder_days) },
  bonuses: {
    signup: numberOf(form.bonuses.signup),
    first_order: numberOf(form.bonuses.first_order),
    approved_review: numberOf(form.bonuses.approved_review),
  },
  referrals: {
    enabled: form.referrals.enabled,
    referrer_points: numberOf(form.referrals.referrer_points),
    discount: discountOf(form.referrals.discount),
  },
})

/** A new id for a list item ("reward-2"), unlike the ones the list has. */
export const nextId = (prefix: string, taken: string[]) => {
  let n = taken.length + 1
  while (taken.includes(`${prefix}-${n}`)) n++
  return `${prefix}-${n}`
}

export const newEarnRate = (taken: string[]): LoyaltyForm["earn_rates"][number] => ({
  currency_code: ["eur", "usd", "gbp"].find((code) => !taken.includes(code)) ?? "",
  points_per_unit: "1",
  include_shipping: false,
  include_tax: false,
})

export const newReward = (form: LoyaltyForm): LoyaltyForm["rewards"][number] => ({
  id: nextId("reward", form.rewards.map((reward) => reward.id)),
  name: "",
  points_cost: "500",
  discount: { kind: "fixed", value: "5", currency_code: form.earn_rates[0]?.currency_code ?? "eur" },
  expires_in_days: "90",
})

export const newTier = (form: LoyaltyForm): LoyaltyForm["tiers"]["levels"][number] => ({
  id: nextId("tier", form.tiers.levels.map((tier) => tier.id)),
  name: "",
  threshold: "",
  customer_group_id: "",
  multiplier: "1",
})

/** The form's inputs, as the API's field paths: `earn_rates.0.points_per_unit`, `tiers.levels.1.customer_group_id` … */
const INPUT_PATHS = [
  /^enabled$/,
  /^earn_rates\.\d+\.(currency_code|points_per_unit|include_shipping|include_tax)$/,
  /^rewards\.\d+\.(id|name|points_cost|expires_in_days|discount\.(kind|value|currency_code))$/,
  /^tiers\.(basis|currency_code)$/,
  /^tiers\.levels\.\d+\.(id|name|threshold|customer_group_id|multiplier)$/,
  /^expiry\.(months|mode|reminder_days)$/,
  /^bonuses\.(signup|first_order|approved_review)$/,
  /^referrals\.(enabled|referrer_points|discount\.(kind|value|currency_code))$/,
]

/** A problem with a list item as a whole (its id appears twice) belongs to the input that names it. */
const ITEM_INPUTS: [RegExp, string][] = [
  [/^earn_rates\.\d+$/, "currency_code"],
  [/^rewards\.\d+$/, "id"],
  [/^tiers\.levels\.\d+$/, "id"],
]

/** Where a message belongs: its input's path, or "" for the form as a whole. */
export const inputPathOf = (path: string): string => {
  if (INPUT_PATHS.some((pattern) => pattern.test(path))) return path
  const item = ITEM_INPUTS.find(([pattern]) => pattern.test(path))
  return item ? `${path}.${item[1]}` : ""
}

/** zod's words for a missing or typed-over number in the admin's, and every message as a sentence under its input. */
const friendly = (message: string) => {
  const text = /^Invalid input: expected number, received (null|string|undefined)$/.test(message)
    ? "Enter a number"
    : /^Invalid input: expected string, received (null|undefined)$/.test(message)
      ? "Required"
      : message.replace(/^Too small: expected number to be >=(\S+)$/, "Must be at least $1").replace(/^Too big: expected number to be <=(\S+)$/, "Must be at most $1")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export type SettingsErrors = { fields: Record<string, string>; form: string[] }

/**
 * The API's 400 as messages per input: it lists each problem as
 * `"path": message` (the save's check) or names a tier's customer group the
 * same way; a problem with no input of its own, or a message without paths,
 * is for the form as a whole.
 */
export const settingsErrorsOf = (message: string): SettingsErrors => {
  const errors: SettingsErrors = { fields: {}, form: [] }
  const found = [...message.matchAll(/"([^"]*)": (.*?)(?=; "[^"]*": |$)/gs)]
  if (!found.length) {
    errors.form.push(message)
    return errors
  }
  for (const [, path, problem] of found) {
    const input = inputPathOf(path)
    const text = friendly(problem.trim())
    if (!input) {
      errors.form.push(`${path}: ${text}`)
    } else if (!errors.fields[input]) {
      errors.fields[input] = text
    }
  }
  return errors
}

/** "3 fields need attention" for the toast. */
export const errorSummary = (errors: SettingsErrors) => {
  const count = Object.keys(errors.fields).length
  return count === 0 ? errors.form.join("; ") : count === 1 ? "1 field needs attention." : `${count} fields need attention.`
}

/**
 * How far along the way to the next tier the customer is, 0 to 100: from
 * their tier's threshold (0 without one) to the next one's, by the points
 * the server counted in its window. Null when there is no next tier.
 */
export const tierBarPercent = (levels: Tier[], progress: TierProgressView): number | null => {
  const next = progress.next_tier
  if (!next) return null
  const from = levels.find((level) => level.id === progress.tier?.id)?.threshold ?? 0
  const span = next.threshold - from
  if (span <= 0) return 100
  return Math.min(100, Math.max(0, Math.floor(((progress.earned_in_window - from) / span) * 100)))
}

export type AdjustmentField = "points" | "reason"

/**
 * The adjustment form's field a 400 is about: the API's own message starts
 * with it ("points cannot be 0", "reason can be at most 500 characters"),
 * Medusa's names it ("Field 'reason' is required").
 */
export const adjustmentFieldOf = (message: string): AdjustmentField | undefined => {
  const text = message.replace(/^Invalid request: /, "")
  const named = /field '(points|reason)'/i.exec(text)?.[1] ?? /^(points|reason)\b/.exec(text)?.[1]
  return named as AdjustmentField | undefined
}

/** The adjustment as the API takes it: the points as typed when they do not read as a number, so the 400 says why. */
export const adjustmentBody = (points: string, reason: string) => ({ points: numberOf(points), reason })
