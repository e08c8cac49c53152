import type { AggregateRating, Product, Review, WithContext } from "schema-dts"

/**
 * A product's reviews as schema.org's `Product` with `AggregateRating` and
 * `Review`, for a storefront's JSON-LD, so search engines can show the stars
 * next to the product. Serialize it with `jsonLdScript` (`src/lib/json-ld.ts`):
 * the reviews' text comes from shoppers.
 */

export type ReviewJsonLdInput = {
  product: { title: string; thumbnail?: string | null }
  /** From the stored aggregate: the average of the approved reviews and how many there are. */
  aggregate: { average: number | null; count: number }
  /** The latest approved reviews. */
  reviews: {
    rating: number
    title: string | null
    body: string | null
    reviewer_name: string
    created_at: Date | string
  }[]
}

const SCALE = { bestRating: 5, worstRating: 1 } as const

/** The `Product` document; without approved reviews it has no `aggregateRating`, as Google refuses a rating of nothing. */
export function productReviewsDocument(input: ReviewJsonLdInput): WithContext<Product> {
  const aggregateRating: AggregateRating | null =
    input.aggregate.count > 0 && input.aggregate.average !== null
      ? { "@type": "AggregateRating", ratingValue: input.aggregate.average, reviewCount: input.aggregate.count, ...SCALE }
      : null
  const reviews = input.reviews.map(
    (review): Review => ({
      "@type": "Review",
      reviewRating: { "@type": "Rating", ratingValue: review.rating, ...SCALE },
      author: { "@type": "Person", name: review.reviewer_name },
      datePublished: new Date(review.created_at).toISOString().slice(0, 10),
      ...(review.title ? { name: review.title } : {}),
      ...(review.body ? { reviewBody: review.body } : {}),
    })
  )
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: input.product.title,
    ...(input.product.thumbnail ? { image: input.product.thumbnail } : {}),
    ...(aggregateRating ? { aggregateRating } : {}),
    ...(reviews.length ? { review: reviews } : {}),
  } as WithContext<Product>
}
