/**
 * The Reviews page's pure parts: the shapes of the reviews admin API
 * (`/admin/post-purchase/reviews/*`, `/admin/post-purchase/products/:id/reviews`),
 * the list's state in the page's address, and the figures as the admin reads them.
 */

import {
  REJECTION_REASONS,
  REVIEW_STATUSES,
  type RejectionReason,
  type ReviewStatus,
} from "../../modules/reviews/constants"

export { REJECTION_REASONS, REVIEW_STATUSES }
export type { RejectionReason, ReviewStatus }

export const STAR_RATINGS = [1, 2, 3, 4, 5] as const
export type StarRating = (typeof STAR_RATINGS)[number]
/** Counts per star rating, keyed "1" to "5" as the API sends them. */
export type PerStar<T> = Record<`${StarRating}`, T>

export interface ReviewView {
  id: string
  product_id: string
  variant_id: string | null
  order_id: string
  line_item_id: string
  customer_id: string | null
  reviewer_name: string
  /** For the shop to reach the reviewer; the store API never serves it. */
  reviewer_email: string
  rating: number
  title: string | null
  body: string | null
  images: string[]
  status: ReviewStatus
  /** Written through the signed link sent to the buyer. */
  verified: boolean
  /** Earned a reward; the store says so with the review. */
  incentivized: boolean
  rejection_reason: RejectionReason | null
  rejected_by: string | null
  rejected_at: string | null
  moderated_by: string | null
  moderated_at: string | null
  /** The shop's public answer, shown with the review. */
  reply: string | null
  replied_by: string | null
  replied_at: string | null
  created_at: string
  updated_at: string
  /** Null when the product was deleted since. */
  product: { id: string; title: string; thumbnail: string | null } | null
}

/** Query of `GET /reviews`. */
export interface ReviewListQuery {
  status?: ReviewStatus
  rating?: StarRating
  product_id?: string
  q?: string
  limit: number
  offset: number
}

export interface ReviewListResponse {
  reviews: ReviewView[]
  count: number
  limit: number
  offset: number
}

export type ModerationAction = "approve" | "reject"

export interface ModerateReviewsBody {
  ids: string[]
  action: ModerationAction
  /** Required to reject. */
  reason?: RejectionReason
}

export interface ReviewsResponse {
  reviews: ReviewView[]
}

export interface ReviewResponse {
  review: ReviewView
}

export type RatePeriod = "week" | "month"

export interface StarModeration {
  /** Approved or rejected in the period. */
  moderated: number
  approved: number
  /** approved / moderated; null when nothing was moderated. */
  rate: number | null
}

export interface ApprovalRatePeriod {
  start: string
  stars: PerStar<StarModeration>
}

export interface ApprovalRatesResponse {
  periods: ApprovalRatePeriod[]
}

export interface ReviewSettings {
  /** How the shop checks that reviews come from buyers (EU Omnibus Directive); shown with the store's review summary. Null: the default. */
  verification_statement: string | null
  /** What the store shows while the shop has written none. */
  default_verification_statement?: string
  updated_by: string | null
  updated_at: string | null
}

export interface ReviewSettingsResponse {
  settings: ReviewSettings
}

export interface ProductReviewAggregate {
  /** Null before the first approved review. */
  average: number | null
  count: number
  stars: PerStar<number>
  /** Of the approved reviews, the share written by verified buyers, 0 to 1; null before the first. */
  verified_share: number | null
}

export interface ProductReviewsResponse {
  aggregate: ProductReviewAggregate
  /** The latest, whatever their status. */
  reviews: ReviewView[]
}

// Labels

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
}

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, "orange" | "green" | "red"> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
}

export const REJECTION_REASON_LABELS: Record<RejectionReason, string> = {
  abusive_or_hateful: "Abusive or hateful",
  spam_or_advertising: "Spam or advertising",
  personal_data: "Contains personal data",
  off_topic: "Not about the product",
  false_or_misleading: "False or misleading",
}

export const REJECTION_REASON_DESCRIPTIONS: Record<RejectionReason, string> = {
  abusive_or_hateful: "Insults, threats, or hate towards people or groups.",
  spam_or_advertising: "Links, promotions, or text that is not a review.",
  personal_data: "Someone’s address, phone number, email, or other private details.",
  off_topic: "About shipping, the shop, or another product, not this one.",
  false_or_misleading: "Claims that are demonstrably untrue, or not written by a buyer.",
}

/** "★★★★☆": the rating as the admin sees it; screen readers get `starsLabel`. */
export const starsText = (rating: number) => {
  const full = Math.max(0, Math.min(5, Math.round(rating)))
  return "★".repeat(full) + "☆".repeat(5 - full)
}

export const starsLabel = (rating: number) => `${formatAverage(rating)} out of 5 stars`

/** One decimal, as shops show an average rating: "4.5", "5.0". */
export const formatAverage = (average: number) => (Math.round(average * 10) / 10).toFixed(1)

export const reviewsCount = (count: number) => (count === 1 ? "1 review" : `${count} reviews`)

/** A share from 0 to 1 as a whole percentage: "67%". */
export const formatShare = (share: number) => `${Math.round(share * 100)}%`

// The list's address: status, rating, product, search and page

export const REVIEWS_PAGE_SIZE = 20

/** The moderation queue is what an admin opens the page for. */
export const DEFAULT_STATUS: ReviewStatus = "pending"

/** Every status at once; the address says so, since leaving it out means pending. */
export const ALL_STATUSES = "all"
export type StatusTab = ReviewStatus | typeof ALL_STATUSES

export interface ReviewListState {
  status: StatusTab
  rating: StarRating | null
  product_id: string | null
  q: string
  pageIndex: number
}

const PRODUCT_ID = /^[A-Za-z0-9_]{1,100}$/

/** The list's state from the page's address; what it does not understand is left out rather than sent. */
export function readReviewListState(params: URLSearchParams, pageSize = REVIEWS_PAGE_SIZE): ReviewListState {
  const status = params.get("status")
  const rating = Number(params.get("rating"))
  const productId = params.get("product_id")
  const offset = Number(params.get("offset"))
  return {
    status:
      status === ALL_STATUSES || (REVIEW_STATUSES as readonly string[]).includes(status ?? "")
        ? (status as StatusTab)
        : DEFAULT_STATUS,
    rating: (STAR_RATINGS as readonly number[]).includes(rating) ? (rating as StarRating) : null,
    product_id: productId && PRODUCT_ID.test(productId) ? productId : null,
    q: (params.get("q") ?? "").trim(),
    pageIndex: Number.isInteger(offset) && offset > 0 ? Math.floor(offset / pageSize) : 0,
  }
}

/** The address with `changes` applied; any change but the page's starts over on the first page. */
export function writeReviewListState(
  params: URLSearchParams,
  changes: Partial<ReviewListState>,
  pageSize = REVIEWS_PAGE_SIZE
): URLSearchParams {
  const next = new URLSearchParams(params)
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key))
  if ("status" in changes) {
    set("status", changes.status === DEFAULT_STATUS ? null : changes.status ?? null)
  }
  if ("rating" in changes) {
    set("rating", changes.rating ? String(changes.rating) : null)
  }
  if ("product_id" in changes) {
    set("product_id", changes.product_id ?? null)
  }
  if ("q" in changes) {
    set("q", changes.q?.trim() || null)
  }
  const page = changes.pageIndex ?? 0
  set("offset", page > 0 ? String(page * pageSize) : null)
  return next
}

/** The API query for a state. */
export function toReviewListQuery(state: ReviewListState, pageSize = REVIEWS_PAGE_SIZE): ReviewListQuery {
  const query: ReviewListQuery = { limit: pageSize, offset: state.pageIndex * pageSize }
  if (state.status !== ALL_STATUSES) {
    query.status = state.status
  }
  if (state.rating) {
    query.rating = state.rating
  }
  if (state.product_id) {
    query.product_id = state.product_id
  }
  if (state.q) {
    query.q = state.q
  }
  return query
}

/** The Reviews page, showing one product's reviews in every status: where the product widget links. */
export const productReviewsPath = (productId: string) =>
  `/post-purchase/reviews?${writeReviewListState(new URLSearchParams(), { status: ALL_STATUSES, product_id: productId })}`

// Moderation by rating

/** How many periods the approval rates cover, the current one included. */
export const RATE_PERIODS = 8

/**
 * The first moment of each of the last `count` periods up to `now`, oldest
 * first, in UTC: weeks start on Monday, as Postgres's date_trunc counts them.
 */
export function periodStarts(period: RatePeriod, now: Date, count = RATE_PERIODS): Date[] {
  const current =
    period === "month"
      ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
      : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)))
  return Array.from({ length: count }, (_, index) => {
    const back = count - 1 - index
    return period === "month"
      ? new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - back, 1))
      : new Date(current.getTime() - back * 7 * 24 * 60 * 60 * 1000)
  })
}

/** The query of `GET /reviews/approval-rates` for the last periods up to `now`. */
export function approvalRatesQuery(period: RatePeriod, now: Date, count = RATE_PERIODS) {
  return { period, from: periodStarts(period, now, count)[0].toISOString(), to: now.toISOString() }
}

const dayOf = (value: string | Date) => new Date(value).toISOString().slice(0, 10)

const NO_MODERATION: StarModeration = { moderated: 0, approved: 0, rate: null }

/**
 * One row per period, oldest first: the periods the API counted, and the
 * ones in between with nothing moderated, so a quiet week shows as such.
 */
export function approvalRateRows(periods: ApprovalRatePeriod[], starts: Date[]): ApprovalRatePeriod[] {
  const byDay = new Map(periods.map((period) => [dayOf(period.start), period]))
  const rows = starts.map(
    (start) =>
      byDay.get(dayOf(start)) ?? {
        start: start.toISOString(),
        stars: { 1: NO_MODERATION, 2: NO_MODERATION, 3: NO_MODERATION, 4: NO_MODERATION, 5: NO_MODERATION },
      }
  )
  const known = new Set(starts.map(dayOf))
  const others = periods.filter((period) => !known.has(dayOf(period.start)))
  return [...rows, ...others].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/**
 * "80%", worked out from the counts so it reads the same whatever scale the
 * rate comes in; "–" for a star rating with nothing moderated in the period.
 */
export const formatApprovalRate = ({ moderated, approved }: StarModeration) =>
  moderated > 0 ? `${Math.round((approved / moderated) * 100)}%` : "–"

/** "Week of 23 Nov", "Nov 2026": the period in the table's first column. */
export function periodLabel(start: string, period: RatePeriod): string {
  const date = new Date(start)
  return period === "month"
    ? date.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" })
    : `Week of ${date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })}`
}

/** Per star rating over all the periods shown: what was moderated and what approved. */
export function approvalTotals(rows: ApprovalRatePeriod[]): PerStar<StarModeration> {
  const totals = {} as PerStar<StarModeration>
  for (const star of STAR_RATINGS) {
    const key = `${star}` as const
    const moderated = rows.reduce((sum, row) => sum + (row.stars[key]?.moderated ?? 0), 0)
    const approved = rows.reduce((sum, row) => sum + (row.stars[key]?.approved ?? 0), 0)
    totals[key] = { moderated, approved, rate: moderated ? approved / moderated : null }
  }
  return totals
}

// The product widget

/** Each star rating's bar, five stars first, as a share of the product's approved reviews. */
export function starBars(aggregate: Pick<ProductReviewAggregate, "count" | "stars">) {
  return [...STAR_RATINGS].reverse().map((star) => {
    const count = aggregate.stars[`${star}`] ?? 0
    return { star, count, percent: aggregate.count ? Math.round((count / aggregate.count) * 100) : 0 }
  })
}
