import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ReviewStatusBadge, Stars } from "../components/review-parts"
import { StateMessage } from "../components/state-message"
import { errorMessage } from "../lib/api"
import { formatDate } from "../lib/format"
import { formatAverage, formatShare, productReviewsPath, reviewsCount, starBars, type ProductReviewsResponse } from "../lib/reviews"
import { useProductReviews } from "../lib/reviews-api"

/**
 * The product's rating as the store shows it (approved reviews only), the
 * share from verified buyers, and its latest reviews in any status, with a
 * link to moderate them.
 */
const ProductReviewsWidget = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const { data, isPending, isError, error } = useProductReviews(product.id)

  return (
    <Container className="divide-y p-0" data-testid="pp-product-reviews">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h2">Reviews</Heading>
        <Link
          to={productReviewsPath(product.id)}
          className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover transition-fg"
          data-testid="pp-product-reviews-link"
        >
          Moderate reviews
        </Link>
      </div>
      {isPending ? (
        <StateMessage>Loading reviews…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the reviews: {errorMessage(error)}</StateMessage>
      ) : (
        <>
          <Rating aggregate={data.aggregate} />
          <Latest reviews={data.reviews} />
        </>
      )}
    </Container>
  )
}

const Rating = ({ aggregate }: { aggregate: ProductReviewsResponse["aggregate"] }) =>
  aggregate.count === 0 ? (
    <StateMessage>No approved reviews yet: the store shows no rating for this product.</StateMessage>
  ) : (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-baseline gap-x-2">
        <Text size="xlarge" weight="plus" className="tabular-nums" data-testid="pp-product-reviews-average">
          {formatAverage(aggregate.average ?? 0)}
        </Text>
        <Stars rating={aggregate.average ?? 0} testId="pp-product-reviews-stars" />
        <Text size="small" className="text-ui-fg-subtle" data-testid="pp-product-reviews-count">
          {reviewsCount(aggregate.count)}
        </Text>
      </div>
      <ul className="flex flex-col gap-y-1" aria-label="Reviews per rating">
        {starBars(aggregate).map(({ star, count, percent }) => (
          <li key={star} className="grid grid-cols-[3.5rem_1fr_2rem] items-center gap-x-2" data-testid={`pp-product-reviews-bar-${star}`}>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {star === 1 ? "1 star" : `${star} stars`}
            </Text>
            <div
              className="bg-ui-bg-component h-2 overflow-hidden rounded-full"
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-label={`${star} stars: ${count} of ${aggregate.count}`}
            >
              <div className="bg-ui-tag-orange-icon h-full rounded-full" style={{ width: `${percent}%` }} />
            </div>
            <Text size="xsmall" className="text-right tabular-nums text-ui-fg-subtle">
              {count}
            </Text>
          </li>
        ))}
      </ul>
      <Text size="small" className="text-ui-fg-subtle" data-testid="pp-product-reviews-verified">
        {formatShare(aggregate.verified_share ?? 0)} from verified buyers
      </Text>
    </div>
  )

const Latest = ({ reviews }: { reviews: ProductReviewsResponse["reviews"] }) =>
  reviews.length === 0 ? (
    <StateMessage>No reviews yet. Customers are asked after their order is delivered.</StateMessage>
  ) : (
    <ul className="flex flex-col divide-y" aria-label="Latest reviews">
      {reviews.map((review) => (
        <li key={review.id} className="flex flex-col gap-y-1 px-6 py-3" data-testid={`pp-product-review-${review.id}`}>
          <div className="flex items-center justify-between gap-x-2">
            <Stars rating={review.rating} />
            <ReviewStatusBadge review={review} testId={`pp-product-review-${review.id}-status`} />
          </div>
          {review.title ? (
            <Text size="small" weight="plus" className="break-words">
              {review.title}
            </Text>
          ) : null}
          {review.body ? (
            <Text size="small" className="line-clamp-3 whitespace-pre-wrap break-words text-ui-fg-subtle">
              {review.body}
            </Text>
          ) : null}
          <Text size="xsmall" className="text-ui-fg-muted">
            {review.reviewer_name} · {formatDate(review.created_at)}
          </Text>
        </li>
      ))}
    </ul>
  )

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
  id: "post-purchase-product-reviews",
})

export default ProductReviewsWidget
