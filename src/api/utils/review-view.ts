/** A review as the Store API answers its author: what they wrote and where it stands, never the email. */
export function submittedReviewView(review: Record<string, any>) {
  return {
    id: review.id as string,
    status: review.status as string,
    rating: review.rating as number,
    title: (review.title ?? null) as string | null,
    body: (review.body ?? null) as string | null,
    images: (Array.isArray(review.images) ? review.images : []) as string[],
    reviewer_name: review.reviewer_name as string,
    verified: !!review.verified,
    product_id: review.product_id as string,
    variant_id: (review.variant_id ?? null) as string | null,
    created_at: review.created_at,
    updated_at: review.updated_at,
  }
}

