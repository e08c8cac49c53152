import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productReviewsDocument } from "../../lib/review-json-ld"
import { translator } from "../../i18n"
import { REVIEWS_MODULE, type PublicReview, type ReviewAggregateNumbers } from "../../modules/reviews"
import type ReviewsModuleService from "../../modules/reviews/service"

type Scope = { resolve: (key: string) => any }

/** How many of the latest approved reviews the summary's JSON-LD carries. */
const JSON_LD_REVIEWS = 5

type AdminProduct = { id: string; title: string; thumbnail: string | null }

/** Reviews for the admin: every field, the reviewer's email included, with their product's title and thumbnail (one query for all). */
export async function adminReviewViews(scope: Scope, reviews: Record<string, any>[]) {
  const productIds = [...new Set(reviews.map((review) => review.product_id as string))]
  const products = new Map<string, AdminProduct>()
  if (productIds.length) {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "title", "thumbnail"], filters: { id: productIds } })
    for (const product of data as AdminProduct[]) {
      products.set(product.id, { id: product.id, title: product.title, thumbnail: product.thumbnail ?? null })
    }
  }
  // a deleted product's reviews stay moderatable: product is null
  return reviews.map((review) => ({ ...review, product: products.get(review.product_id) ?? null }))
}

/** The aggregate in the shape both APIs serve: the average to one decimal (null before the first approved review), the count per star, the share of verified purchases. */
export function aggregateView(numbers: ReviewAggregateNumbers) {
  const count = numbers.approved_count
  return {
    average: count ? Math.round((numbers.rating_sum / count) * 10) / 10 : null,
    count,
    stars: { "1": numbers.star_1, "2": numbers.star_2, "3": numbers.star_3, "4": numbers.star_4, "5": numbers.star_5 },
    verified_share: share(numbers.verified_count, count),
  }
}

/** A review as a shopper sees it: no email, order, customer or line item ids. */
export function storeReviewView(review: PublicReview) {
  return {
    id: review.id,
    rating: review.rating,
    title: review.title,
    body: review.body,
    images: review.images ?? [],
    author: review.reviewer_name,
    verified: review.verified,
    incentivized: review.incentivized,
    created_at: review.created_at,
    updated_at: review.updated_at,
    reply: review.reply ? { body: review.reply, created_at: review.replied_at } : null,
  }
}

/** The product a store route serves reviews of, as `storeProduct` loads it: what the summary and its JSON-LD name. */
export type ReviewedProduct = { id: string; title: string; thumbnail: string | null }

export const REVIEWED_PRODUCT_FIELDS = ["id", "title", "thumbnail"]

/**
 * What the store says of how reviews are checked while the shop has written
 * nothing: only what the plugin does (the review request's signed link makes
 * a verified purchase), in the storefront's language.
 */
export function defaultVerificationStatement(locale: string | null | undefined): string {
  return translator(locale).t("reviews.verification.default")
}

/**
 * A product's review summary for the store, from the stored aggregates, the
 * product's and the store's (never a recount): the numbers, the shop's statement of how reviews are checked
 * with the verified shares, and the schema.org JSON-LD.
 */
export async function storeReviewSummary(
  scope: Scope,
  product: ReviewedProduct,
  locale: string | null
) {
  const service: ReviewsModuleService = scope.resolve(REVIEWS_MODULE)
  const [numbers, latest, settings, storeShare] = await Promise.all([
    service.reviewAggregate(product.id),
    service.listApprovedReviews(product.id, { sort: "newest", limit: JSON_LD_REVIEWS, offset: 0 }),
    service.reviewSettings(),
    service.storeVerifiedShare(),
  ])
  const aggregate = aggregateView(numbers)
  return {
    product_id: product.id,
    ...aggregate,
    verification: {
      // the shop's own statement is in the one language it was written in
      statement: settings.verification_statement ?? defaultVerificationStatement(locale),
      verified_share_store: storeShare === null ? null : round(storeShare),
    },
    json_ld: productReviewsDocument({ product, aggregate, reviews: latest.reviews }),
  }
}

function share(part: number, whole: number): number | null {
  return whole ? round(part / whole) : null
}

/** Shares to three decimals: 0.667, not 0.6666666666666666. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
