import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  APPROVAL_RATE_PERIODS,
  REJECTION_REASONS,
  REVIEW_LIMITS,
  type ApprovalRatePeriod,
  type RejectionReason,
  type ReviewStatus,
  type StoreReviewSort,
} from "./constants"
import { ReviewAggregate } from "./models/review-aggregate"
import { ReviewSettings } from "./models/review-settings"
import { ReviewStoreAggregate, STORE_AGGREGATE_ID } from "./models/review-store-aggregate"
import { Review } from "./models/review"
import { parseReviewsOptions, type ReviewsOptions } from "./options"

type SqlManager = {
  execute: (sql: string, params?: unknown[]) => Promise<any[]>
}

export type SubmitReviewInput = {
  product_id: string
  variant_id?: string | null
  order_id: string
  line_item_id: string
  customer_id?: string | null
  reviewer_name: string
  reviewer_email: string
  rating: number
  title?: string | null
  body?: string | null
  images?: string[]
  /** Submitted through a signed link bound to the order, the line item and the customer. */
  verified?: boolean
}

export type ModerateReviewsInput = {
  ids: string[]
  action: "approve" | "reject"
  /** Required to reject, from `REJECTION_REASONS`. */
  reason?: string | null
  /** "user:user_…" */
  by: string
}

/** Approved reviews in numbers; `star_n` counts the n-star ones. */
export type ReviewCounts = {
  approved_count: number
  rating_sum: number
  /** approved reviews that are verified purchases */
  verified_count: number
  star_1: number
  star_2: number
  star_3: number
  star_4: number
  star_5: number
}

/** A product's approved reviews in numbers. */
export type ReviewAggregateNumbers = { product_id: string } & ReviewCounts

const STARS = [1, 2, 3, 4, 5] as const
const COUNTERS = ["approved_count", "rating_sum", "verified_count", ...STARS.map((star) => `star_${star}`)] as const

const placeholders = (items: unknown[]) => items.map(() => "?").join(", ")

/** A review's moderation as it stood before a change, so a failed workflow can put it back. */
export type ModerationState = {
  id: string
  status: ReviewStatus
  rejection_reason: RejectionReason | null
  rejected_by: string | null
  rejected_at: Date | null
  moderated_by: string | null
  moderated_at: Date | null
}

const MODERATION_FIELDS = ["status", "rejection_reason", "rejected_by", "rejected_at", "moderated_by", "moderated_at"] as const

export type ReplyToReviewInput = {
  /** Plain text; null removes the reply. */
  reply: string | null
  /** "user:user_…" */
  by: string
}

export type ReviewSettingsValues = {
  /** null: the shop has written none, and the Store API serves the default statement */
  verification_statement: string | null
  updated_by: string | null
  updated_at: Date | null
}

export type SaveReviewSettingsInput = {
  verification_statement: string | null
  by: string | null
}

const STORE_SORT_SQL: Record<StoreReviewSort, string> = {
  newest: "created_at DESC, id DESC",
  highest: "rating DESC, created_at DESC, id DESC",
  lowest: "rating ASC, created_at DESC, id DESC",
  with_photos: "(jsonb_array_length(images) > 0) DESC, created_at DESC, id DESC",
}

/** What the Store API may show of an approved review: no email, order, customer or line item. */
export type PublicReview = {
  id: string
  rating: number
  title: string | null
  body: string | null
  images: string[]
  reviewer_name: string
  verified: boolean
  incentivized: boolean
  reply: string | null
  replied_at: Date | null
  created_at: Date
  updated_at: Date
}

export type ApprovalRatesInput = { from: Date; to: Date; period: ApprovalRatePeriod }

/** One period's moderation per star rating: reviews approved or rejected in it, and the share approved (null when none). */
export type ApprovalRatePeriodRow = {
  start: Date
  stars: Record<"1" | "2" | "3" | "4" | "5", { moderated: number; approved: number; rate: number | null }>
}

/**
 * Reviews, each product's aggregate and the store's; CRUD comes from
 * MedusaService. Change a review's rating or status only through
 * `submitReview` and `moderateReviews`: they move the aggregates in the same
 * transaction.
 */
export default class ReviewsModuleService extends MedusaService({
  Review,
  ReviewAggregate,
  ReviewStoreAggregate,
  ReviewSettings,
}) {
  protected readonly options_: ReviewsOptions

  constructor(container: Record<string, unknown>, options: unknown) {
    // @ts-ignore MedusaService takes the container and module declaration as they come
    super(...arguments)
    this.options_ = parseReviewsOptions(options)
  }

  getOptions(): ReviewsOptions {
    return this.options_
  }

  /**
   * Stores the review of a line item, or edits the one it has: one review per
   * line item. A new or edited review waits for moderation, unless the shop
   * auto-approves (then it is approved, whatever its rating); an edit changed
   * what was approved, so it is moderated again. Sending the same content
   * again changes nothing.
   */
  @InjectTransactionManager()
  async submitReview(input: SubmitReviewInput, @MedusaContext() sharedContext: Context = {}) {
    assertReviewContent(input)
    const manager = sharedContext.transactionManager as SqlManager
    // two first submissions for one line item would both find nothing and both insert
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext(?::text))", [`pp_review:${input.line_item_id}`])
    const [existing]: { id: string; product_id: string; status: ReviewStatus; rating: number; verified: boolean }[] = await manager.execute(
      `SELECT id, product_id, status, rating, verified FROM pp_review
       WHERE line_item_id = ? AND deleted_at IS NULL FOR UPDATE`,
      [input.line_item_id]
    )
    const status: ReviewStatus = this.options_.autoApprove ? "approved" : "pending"
    const content = {
      reviewer_name: input.reviewer_name,
      reviewer_email: input.reviewer_email,
      rating: input.rating,
      title: input.title ?? null,
      body: input.body ?? null,
      images: input.images ?? [],
    }

    if (!existing) {
      const [created] = await this.createReviews(
        [
          {
            ...content,
            images: content.images as unknown as Record<string, unknown>,
            product_id: input.product_id,
            variant_id: input.variant_id ?? null,
            order_id: input.order_id,
            line_item_id: input.line_item_id,
            customer_id: input.customer_id ?? null,
            verified: !!input.verified,
            status,
          },
        ],
        sharedContext
      )
      if (status === "approved") {
        await this.moveAggregates_(manager, [[input.product_id, +1, input.rating, !!input.verified]])
      }
      return created
    }

    const current = await this.retrieveReview(existing.id, {}, sharedContext)
    // a link-verified review stays verified when edited without the link
    const verified = existing.verified || !!input.verified
    if (sameContent(current, content) && verified === existing.verified) {
      return current
    }
    const [updated] = await this.updateReviews(
      [
        {
          id: existing.id,
          ...content,
          images: content.images as unknown as Record<string, unknown>,
          verified,
          status,
          // the rejection was of the text now replaced
          rejection_reason: null,
          rejected_by: null,
          rejected_at: null,
          moderated_by: null,
          moderated_at: null,
        },
      ],
      sharedContext
    )
    const moves: AggregateMove[] = []
    if (existing.status === "approved") moves.push([existing.product_id, -1, existing.rating, existing.verified])
    if (status === "approved") moves.push([existing.product_id, +1, input.rating, verified])
    await this.moveAggregates_(manager, moves)
    return updated
  }

  /**
   * Approves or rejects reviews, whatever their rating. A rejection needs a
   * reason from `REJECTION_REASONS` and records it with who and when.
   * Approving an approved review changes nothing.
   */
  @InjectTransactionManager()
  async moderateReviews(input: ModerateReviewsInput, @MedusaContext() sharedContext: Context = {}) {
    return (await this.applyModeration(input, sharedContext)).reviews
  }

  /**
   * `moderateReviews`, also answering how each changed review stood before,
   * read under the same row locks, for `restoreModeration` to put back.
   */
  @InjectTransactionManager()
  async applyModeration(
    input: ModerateReviewsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reviews: InferReview[]; previous: ModerationState[] }> {
    if (input.action !== "approve" && input.action !== "reject") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"action" must be approve or reject`)
    }
    if (input.action === "reject" && !REJECTION_REASONS.includes(input.reason as RejectionReason)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"reason" is required to reject a review and must be one of ${REJECTION_REASONS.join(", ")}`
      )
    }
    if (!input.by) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"by" must say who moderates`)
    }
    const ids = [...new Set(input.ids)]
    if (!ids.length) {
      return { reviews: [], previous: [] }
    }
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await this.lockReviews_(manager, ids)
    const missing = ids.filter((id) => !rows.some((row) => row.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reviews not found: ${missing.join(", ")}`)
    }

    const now = new Date()
    const updates: Record<string, unknown>[] = []
    const moves: AggregateMove[] = []
    const previous: ModerationState[] = []
    for (const row of rows) {
      if (input.action === "approve") {
        if (row.status === "approved") continue
        previous.push(moderationState(row))
        updates.push({
          id: row.id,
          status: "approved",
          moderated_by: input.by,
          moderated_at: now,
          rejection_reason: null,
          rejected_by: null,
          rejected_at: null,
        })
        moves.push([row.product_id, +1, row.rating, row.verified])
      } else {
        previous.push(moderationState(row))
        updates.push({
          id: row.id,
          status: "rejected",
          rejection_reason: input.reason,
          rejected_by: input.by,
          rejected_at: now,
          moderated_by: input.by,
          moderated_at: now,
        })
        if (row.status === "approved") moves.push([row.product_id, -1, row.rating, row.verified])
      }
    }
    if (updates.length) {
      await this.updateReviews(updates as any, sharedContext)
    }
    await this.moveAggregates_(manager, moves)
    return { reviews: await this.listReviews({ id: ids }, {}, sharedContext), previous }
  }

  /**
   * Puts reviews' moderation back as `applyModeration` found it, moving the
   * aggregate with it: the compensation of a failed moderation workflow.
   * A review deleted since is skipped.
   */
  @InjectTransactionManager()
  async restoreModeration(previous: ModerationState[], @MedusaContext() sharedContext: Context = {}) {
    if (!previous.length) {
      return
    }
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await this.lockReviews_(
      manager,
      previous.map((state) => state.id)
    )
    const updates: Record<string, unknown>[] = []
    const moves: AggregateMove[] = []
    for (const row of rows) {
      const state = previous.find((candidate) => candidate.id === row.id)!
      if (row.status === "approved" && state.status !== "approved") moves.push([row.product_id, -1, row.rating, row.verified])
      if (row.status !== "approved" && state.status === "approved") moves.push([row.product_id, +1, row.rating, row.verified])
      updates.push(Object.fromEntries([["id", row.id], ...MODERATION_FIELDS.map((field) => [field, state[field]])]))
    }
    if (updates.length) {
      await this.updateReviews(updates as any, sharedContext)
    }
    await this.moveAggregates_(manager, moves)
  }

  /**
   * Marks reviews as incentivized (their author got something for them: loyalty
   * points for an approved review), or unmarks them, so the storefront and its
   * JSON-LD disclose it. Answers the ids whose mark changed, for a compensation
   * to put back.
   */
  @InjectTransactionManager()
  async markIncentivized(ids: string[], incentivized = true, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const wanted = [...new Set(ids)]
    if (!wanted.length) {
      return []
    }
    const manager = sharedContext.transactionManager as SqlManager
    const rows = await manager.execute(
      `UPDATE pp_review SET incentivized = ?, updated_at = now()
       WHERE deleted_at IS NULL AND incentivized <> ? AND id IN (${placeholders(wanted)}) RETURNING id`,
      [incentivized, incentivized, ...wanted]
    )
    return rows.map((row: { id: string }) => row.id)
  }

  /**
   * Sets the shop's public reply to a review, or removes it (null). Plain
   * text, at most `REVIEW_LIMITS.replyLength` characters once trimmed; the
   * review's status and the aggregate are untouched.
   */
  @InjectTransactionManager()
  async replyToReview(id: string, input: ReplyToReviewInput, @MedusaContext() sharedContext: Context = {}) {
    const reply = input.reply === null ? null : String(input.reply).trim()
    if (reply !== null && (!reply.length || reply.length > REVIEW_LIMITS.replyLength)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"reply" must be 1 to ${REVIEW_LIMITS.replyLength} characters, or null to remove the reply`
      )
    }
    if (!input.by) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"by" must say who replies`)
    }
    // throws NOT_FOUND for an unknown id
    await this.retrieveReview(id, { select: ["id"] }, sharedContext)
    const [updated] = await this.updateReviews(
      [reply === null ? { id, reply: null, replied_by: null, replied_at: null } : { id, reply, replied_by: input.by, replied_at: new Date() }],
      sharedContext
    )
    return updated
  }

  /** The shop's review settings; nulls before the admin first saves them. */
  @InjectManager()
  async reviewSettings(@MedusaContext() sharedContext: Context = {}): Promise<ReviewSettingsValues> {
    const [row] = await this.listReviewSettings({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    return {
      verification_statement: row?.verification_statement ?? null,
      updated_by: row?.updated_by ?? null,
      updated_at: row ? new Date(row.updated_at) : null,
    }
  }

  /** Saves the shop's review settings into their one row. The statement is plain text, trimmed; empty means none. */
  @InjectTransactionManager()
  async saveReviewSettings(input: SaveReviewSettingsInput, @MedusaContext() sharedContext: Context = {}): Promise<ReviewSettingsValues> {
    const statement = input.verification_statement?.trim() || null
    if (statement && statement.length > REVIEW_LIMITS.verificationStatementLength) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `"verification_statement" can be at most ${REVIEW_LIMITS.verificationStatementLength} characters`
      )
    }
    const manager = sharedContext.transactionManager as SqlManager
    // two first saves would both find no row and both create one
    await manager.execute("SELECT pg_advisory_xact_lock(hashtext('pp_review_settings'))")
    const [row] = await this.listReviewSettings({}, { take: 1, order: { created_at: "ASC" } }, sharedContext)
    const values = { verification_statement: statement, updated_by: input.by }
    if (row) {
      await this.updateReviewSettings([{ id: row.id, ...values }], sharedContext)
    } else {
      await this.createReviewSettings([values], sharedContext)
    }
    return await this.reviewSettings(sharedContext)
  }

  /**
   * A page of a product's approved reviews as the Store API shows them, and
   * how many there are; sorted in SQL (`with_photos` orders by an expression
   * the generated list cannot).
   */
  @InjectManager()
  async listApprovedReviews(
    productId: string,
    page: { sort: StoreReviewSort; limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ reviews: PublicReview[]; count: number }> {
    const manager = sharedContext.manager as SqlManager
    const where = "product_id = ? AND status = 'approved' AND deleted_at IS NULL"
    const reviews = await manager.execute(
      `SELECT id, rating, title, body, images, reviewer_name, verified, incentivized, reply, replied_at, created_at, updated_at
       FROM pp_review WHERE ${where} ORDER BY ${STORE_SORT_SQL[page.sort]} LIMIT ? OFFSET ?`,
      [productId, page.limit, page.offset]
    )
    const [{ count }] = await manager.execute(`SELECT count(*)::int AS count FROM pp_review WHERE ${where}`, [productId])
    return { reviews: reviews as PublicReview[], count: Number(count) }
  }

  /** The share of all approved reviews in the store that are verified purchases, from the store's stored aggregate; null before any. */
  async storeVerifiedShare(): Promise<number | null> {
    const { approved_count, verified_count } = await this.storeAggregate()
    return approved_count ? verified_count / approved_count : null
  }

  /**
   * Per period and per star rating: how many reviews were moderated (approved
   * or rejected, by when they last were) and how many of them approved, so a
   * shop can see that it moderates every rating alike. Counted in SQL; every
   * period from the one holding `from` up to `to` is listed, empty ones too.
   * Periods are UTC calendar months or ISO weeks (from Monday).
   */
  @InjectManager()
  async approvalRates(input: ApprovalRatesInput, @MedusaContext() sharedContext: Context = {}): Promise<ApprovalRatePeriodRow[]> {
    if (!APPROVAL_RATE_PERIODS.includes(input.period)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"period" must be one of ${APPROVAL_RATE_PERIODS.join(", ")}`)
    }
    if (!(input.from < input.to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"from" must be before "to"`)
    }
    const manager = sharedContext.manager as SqlManager
    // truncated on the UTC wall clock, then read back as that UTC instant
    const rows: { start: Date; rating: number; moderated: number; approved: number }[] = await manager.execute(
      `SELECT date_trunc('${input.period}', moderated_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS start, rating,
              count(*)::int AS moderated, count(*) FILTER (WHERE status = 'approved')::int AS approved
       FROM pp_review
       WHERE deleted_at IS NULL AND status IN ('approved', 'rejected') AND moderated_at >= ? AND moderated_at < ?
       GROUP BY 1, 2`,
      [input.from, input.to]
    )
    const counted = new Map(rows.map((row) => [`${new Date(row.start).toISOString()}|${row.rating}`, row]))
    const periods: ApprovalRatePeriodRow[] = []
    for (let start = periodStart(input.from, input.period); start < input.to; start = nextPeriod(start, input.period)) {
      const stars = {} as ApprovalRatePeriodRow["stars"]
      for (const star of STARS) {
        const row = counted.get(`${start.toISOString()}|${star}`)
        const moderated = Number(row?.moderated ?? 0)
        const approved = Number(row?.approved ?? 0)
        stars[`${star}`] = { moderated, approved, rate: moderated ? approved / moderated : null }
      }
      periods.push({ start, stars })
    }
    return periods
  }

  /** The product's stored aggregate; zeros before its first approved review. */
  async reviewAggregate(productId: string): Promise<ReviewAggregateNumbers> {
    const [row] = await this.listReviewAggregates({ product_id: productId }, { take: 1 })
    return { product_id: productId, ...counts(row) }
  }

  /** The whole store's stored aggregate; zeros before the first approved review. */
  async storeAggregate(): Promise<ReviewCounts> {
    const [row] = await this.listReviewStoreAggregates({ id: STORE_AGGREGATE_ID }, { take: 1 })
    return counts(row)
  }

  /**
   * The product's aggregate counted from the reviews themselves. Not for
   * serving: the tests use it to prove the incremental numbers right.
   */
  async recountAggregate(productId: string): Promise<ReviewAggregateNumbers> {
    const reviews = await this.listReviews({ product_id: productId, status: "approved" }, { select: ["rating", "verified"] })
    return { product_id: productId, ...countReviews(reviews) }
  }

  /** `recountAggregate` for the whole store: not for serving either. */
  async recountStoreAggregate(): Promise<ReviewCounts> {
    return countReviews(await this.listReviews({ status: "approved" }, { select: ["rating", "verified"] }))
  }

  /**
   * Adds the moves to the store's aggregate and to the products', with one
   * upsert each, in the caller's transaction. The store's row goes first: it
   * makes every move wait for the one before, so two moves never lock the
   * same products in opposite orders.
   */
  protected async moveAggregates_(manager: SqlManager, moves: AggregateMove[]) {
    const store = counts()
    const byProduct = new Map<string, ReviewCounts>()
    for (const [productId, sign, rating, verified] of moves) {
      const delta = byProduct.get(productId) ?? counts()
      for (const moved of [delta, store]) {
        moved.approved_count += sign
        moved.rating_sum += sign * rating
        moved.verified_count += verified ? sign : 0
        moved[`star_${rating as 1 | 2 | 3 | 4 | 5}`] += sign
      }
      byProduct.set(productId, delta)
    }
    const products = [...byProduct].filter(([, delta]) => COUNTERS.some((counter) => delta[counter] !== 0))
    if (!products.length) {
      return
    }
    // increments, not values read earlier: a concurrent move adds up instead of being lost
    const increments = (table: string) =>
      `${COUNTERS.map((counter) => `${counter} = ${table}.${counter} + EXCLUDED.${counter}`).join(", ")}, updated_at = now()`
    // upserted, and so locked, even when its numbers do not change (a restore that swaps like reviews)
    await manager.execute(
      `INSERT INTO pp_review_store_aggregate (id, ${COUNTERS.join(", ")}) VALUES (?, ${placeholders([...COUNTERS])})
       ON CONFLICT (id) DO UPDATE SET ${increments("pp_review_store_aggregate")}`,
      [STORE_AGGREGATE_ID, ...COUNTERS.map((counter) => store[counter])]
    )
    for (const [productId, delta] of products) {
      await manager.execute(
        `INSERT INTO pp_review_aggregate (id, product_id, ${COUNTERS.join(", ")})
         VALUES (?, ?, ${placeholders([...COUNTERS])})
         ON CONFLICT (product_id) WHERE deleted_at IS NULL DO UPDATE SET ${increments("pp_review_aggregate")}`,
        [generateEntityId(undefined, "ppra"), productId, ...COUNTERS.map((counter) => delta[counter])]
      )
    }
  }

  /** Locks the reviews in id order, so two bulk moderations of overlapping reviews wait for each other instead of deadlocking. */
  protected async lockReviews_(manager: SqlManager, ids: string[]): Promise<LockedReview[]> {
    return await manager.execute(
      `SELECT id, product_id, status, rating, verified, ${MODERATION_FIELDS.join(", ")} FROM pp_review
       WHERE deleted_at IS NULL AND id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
      ids
    )
  }
}

type InferReview = Awaited<ReturnType<ReviewsModuleService["listReviews"]>>[number]

type LockedReview = ModerationState & { product_id: string; rating: number; verified: boolean }

/** [product, +1 or -1, rating, verified]: an approved review counted in or out. */
type AggregateMove = [string, 1 | -1, number, boolean]

function moderationState(row: LockedReview): ModerationState {
  return Object.fromEntries([["id", row.id], ...MODERATION_FIELDS.map((field) => [field, row[field] ?? null])]) as ModerationState
}

/** The first instant (UTC) of the ISO week or calendar month holding `at`. */
function periodStart(at: Date, period: ApprovalRatePeriod): Date {
  if (period === "month") {
    return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
  }
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  // getUTCDay: Sunday is 0; ISO weeks start on Monday
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day
}

function nextPeriod(start: Date, period: ApprovalRatePeriod): Date {
  return period === "month"
    ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    : new Date(start.getTime() + 7 * 24 * 3600 * 1000)
}

/** A stored row's counts as numbers; zeros without a row. */
function counts(row?: Partial<ReviewCounts> | null): ReviewCounts {
  const counted = {} as ReviewCounts
  for (const counter of COUNTERS) {
    counted[counter] = Number(row?.[counter] ?? 0)
  }
  return counted
}

function countReviews(reviews: { rating: number; verified: boolean }[]): ReviewCounts {
  const counted = counts()
  for (const { rating, verified } of reviews) {
    counted.approved_count += 1
    counted.rating_sum += rating
    counted.verified_count += verified ? 1 : 0
    counted[`star_${rating as 1 | 2 | 3 | 4 | 5}`] += 1
  }
  return counted
}

function sameContent(current: Record<string, any>, content: Record<string, unknown>) {
  return Object.entries(content).every(([key, value]) => JSON.stringify(current[key] ?? null) === JSON.stringify(value ?? null))
}

/** The Store API validates first; this keeps any other caller to the same limits, with errors that name the field. */
function assertReviewContent(input: SubmitReviewInput) {
  const refuse = (field: string, rule: string) => {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${field}" ${rule}`)
  }
  for (const field of ["product_id", "order_id", "line_item_id", "reviewer_email"] as const) {
    if (!input[field]) refuse(field, "is required")
  }
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) refuse("rating", "must be a whole number from 1 to 5")
  if (!input.reviewer_name || input.reviewer_name.length > REVIEW_LIMITS.nameLength)
    refuse("reviewer_name", `must be 1 to ${REVIEW_LIMITS.nameLength} characters`)
  if ((input.title?.length ?? 0) > REVIEW_LIMITS.titleLength) refuse("title", `must be at most ${REVIEW_LIMITS.titleLength} characters`)
  if ((input.body?.length ?? 0) > REVIEW_LIMITS.bodyLength) refuse("body", `must be at most ${REVIEW_LIMITS.bodyLength} characters`)
  if ((input.images?.length ?? 0) > REVIEW_LIMITS.images) refuse("images", `may hold at most ${REVIEW_LIMITS.images} URLs`)
}
