import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { REJECTION_REASONS, REVIEW_LIMITS, type RejectionReason, type ReviewStatus } from "./constants"
import { ReviewAggregate } from "./models/review-aggregate"
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

/** A product's approved reviews in numbers; `star_n` counts the n-star ones. */
export type ReviewAggregateNumbers = {
  product_id: string
  approved_count: number
  rating_sum: number
  star_1: number
  star_2: number
  star_3: number
  star_4: number
  star_5: number
}

const STARS = [1, 2, 3, 4, 5] as const
const COUNTERS = ["approved_count", "rating_sum", ...STARS.map((star) => `star_${star}`)] as const

type Delta = Omit<ReviewAggregateNumbers, "product_id">

const placeholders = (items: unknown[]) => items.map(() => "?").join(", ")

/**
 * Reviews and each product's aggregate; CRUD comes from MedusaService. Change
 * a review's rating or status only through `submitReview` and
 * `moderateReviews`: they move the aggregate in the same transaction.
 */
export default class ReviewsModuleService extends MedusaService({
  Review,
  ReviewAggregate,
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
    const [existing]: { id: string; product_id: string; status: ReviewStatus; rating: number }[] = await manager.execute(
      `SELECT id, product_id, status, rating FROM pp_review
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
        await this.moveAggregates_(manager, [[input.product_id, +1, input.rating]])
      }
      return created
    }

    const current = await this.retrieveReview(existing.id, {}, sharedContext)
    if (sameContent(current, content)) {
      return current
    }
    const [updated] = await this.updateReviews(
      [
        {
          id: existing.id,
          ...content,
          images: content.images as unknown as Record<string, unknown>,
          // a link-verified review stays verified when edited without the link
          verified: current.verified || !!input.verified,
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
    if (existing.status === "approved") moves.push([existing.product_id, -1, existing.rating])
    if (status === "approved") moves.push([existing.product_id, +1, input.rating])
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
      return []
    }
    const manager = sharedContext.transactionManager as SqlManager
    // in id order, so two bulk moderations of overlapping reviews wait for each other instead of deadlocking
    const rows: { id: string; product_id: string; status: ReviewStatus; rating: number }[] = await manager.execute(
      `SELECT id, product_id, status, rating FROM pp_review
       WHERE deleted_at IS NULL AND id IN (${placeholders(ids)}) ORDER BY id FOR UPDATE`,
      ids
    )
    const missing = ids.filter((id) => !rows.some((row) => row.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reviews not found: ${missing.join(", ")}`)
    }

    const now = new Date()
    const updates: Record<string, unknown>[] = []
    const moves: AggregateMove[] = []
    for (const row of rows) {
      if (input.action === "approve") {
        if (row.status === "approved") continue
        updates.push({
          id: row.id,
          status: "approved",
          moderated_by: input.by,
          moderated_at: now,
          rejection_reason: null,
          rejected_by: null,
          rejected_at: null,
        })
        moves.push([row.product_id, +1, row.rating])
      } else {
        updates.push({
          id: row.id,
          status: "rejected",
          rejection_reason: input.reason,
          rejected_by: input.by,
          rejected_at: now,
          moderated_by: input.by,
          moderated_at: now,
        })
        if (row.status === "approved") moves.push([row.product_id, -1, row.rating])
      }
    }
    if (updates.length) {
      await this.updateReviews(updates as any, sharedContext)
    }
    await this.moveAggregates_(manager, moves)
    return await this.listReviews({ id: ids }, {}, sharedContext)
  }

  /** The product's stored aggregate; zeros before its first approved review. */
  async reviewAggregate(productId: string): Promise<ReviewAggregateNumbers> {
    const [row] = await this.listReviewAggregates({ product_id: productId }, { take: 1 })
    return numbers(productId, row)
  }

  /**
   * The aggregate counted from the reviews themselves. Not for serving: the
   * tests use it to prove the incremental numbers right.
   */
  async recountAggregate(productId: string): Promise<ReviewAggregateNumbers> {
    const reviews = await this.listReviews({ product_id: productId, status: "approved" }, { select: ["rating"] })
    const counted = numbers(productId)
    for (const { rating } of reviews) {
      counted.approved_count += 1
      counted.rating_sum += rating
      counted[`star_${rating as 1 | 2 | 3 | 4 | 5}`] += 1
    }
    return counted
  }

  /** Adds the moves to the products' aggregates with one upsert each, in the caller's transaction. */
  protected async moveAggregates_(manager: SqlManager, moves: AggregateMove[]) {
    const byProduct = new Map<string, Delta>()
    for (const [productId, sign, rating] of moves) {
      const delta = byProduct.get(productId) ?? zeroDelta()
      delta.approved_count += sign
      delta.rating_sum += sign * rating
      delta[`star_${rating as 1 | 2 | 3 | 4 | 5}`] += sign
      byProduct.set(productId, delta)
    }
    for (const [productId, delta] of byProduct) {
      if (COUNTERS.every((counter) => delta[counter] === 0)) continue
      // increments, not values read earlier: a concurrent move of the same product adds up instead of being lost
      await manager.execute(
        `INSERT INTO pp_review_aggregate (id, product_id, ${COUNTERS.join(", ")})
         VALUES (?, ?, ${placeholders([...COUNTERS])})
         ON CONFLICT (product_id) WHERE deleted_at IS NULL DO UPDATE SET
           ${COUNTERS.map((counter) => `${counter} = pp_review_aggregate.${counter} + EXCLUDED.${counter}`).join(", ")},
           updated_at = now()`,
        [generateEntityId(undefined, "ppra"), productId, ...COUNTERS.map((counter) => delta[counter])]
      )
    }
  }
}

/** [product, +1 or -1, rating]: an approved review of that rating counted in or out. */
type AggregateMove = [string, 1 | -1, number]

function numbers(productId: string, row?: Partial<ReviewAggregateNumbers> | null): ReviewAggregateNumbers {
  const counted = { product_id: productId } as ReviewAggregateNumbers
  for (const counter of COUNTERS) {
    counted[counter] = Number(row?.[counter] ?? 0)
  }
  return counted
}

function zeroDelta(): Delta {
  const { product_id: _, ...zero } = numbers("")
  return zero
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
