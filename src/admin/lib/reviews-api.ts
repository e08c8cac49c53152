import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  ApprovalRatesResponse,
  ModerateReviewsBody,
  ProductReviewsResponse,
  RatePeriod,
  ReviewListQuery,
  ReviewListResponse,
  ReviewResponse,
  ReviewSettingsResponse,
  ReviewsResponse,
} from "./reviews"
import { sdk } from "./sdk"

const BASE = "/admin/post-purchase"

export const reviewKeys = {
  /** Everything a moderation or a reply changes: the lists, the rates and the product widgets. */
  all: ["pp-reviews"] as const,
  list: (query: ReviewListQuery) => ["pp-reviews", "list", query] as const,
  approvalRates: (query: { period: RatePeriod; from: string; to: string }) => ["pp-reviews", "approval-rates", query] as const,
  product: (productId: string) => ["pp-reviews", "product", productId] as const,
  settings: ["pp-review-settings"] as const,
  products: ["pp-review-products"] as const,
}

/** Reviews, filtered, a page at a time. */
export const useReviewList = (query: ReviewListQuery) =>
  useQuery({
    queryKey: reviewKeys.list(query),
    queryFn: () => sdk.client.fetch<ReviewListResponse>(`${BASE}/reviews`, { query }),
    // keep the current page on screen while the next one loads, as the dashboard's lists do
    placeholderData: keepPreviousData,
  })

/** Approves or rejects reviews, all or none; rejecting needs one of the listed reasons. */
export const useModerateReviews = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ModerateReviewsBody) =>
      sdk.client.fetch<ReviewsResponse>(`${BASE}/reviews/moderate`, { method: "POST", body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}

/** Writes, changes or (with null) removes the shop's public reply to a review. */
export const useReplyToReview = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reply }: { id: string; reply: string | null }) =>
      sdk.client.fetch<ReviewResponse>(`${BASE}/reviews/${encodeURIComponent(id)}/reply`, {
        method: "POST",
        body: { reply },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}

/** Per period and star rating: how many reviews were moderated and how many of them approved. */
export const useApprovalRates = (query: { period: RatePeriod; from: string; to: string }) =>
  useQuery({
    queryKey: reviewKeys.approvalRates(query),
    queryFn: () => sdk.client.fetch<ApprovalRatesResponse>(`${BASE}/reviews/approval-rates`, { query }),
    placeholderData: keepPreviousData,
  })

export const useReviewSettings = () =>
  useQuery({
    queryKey: reviewKeys.settings,
    queryFn: () => sdk.client.fetch<ReviewSettingsResponse>(`${BASE}/reviews/settings`),
  })

export const useSaveReviewSettings = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { verification_statement: string | null }) =>
      sdk.client.fetch<ReviewSettingsResponse>(`${BASE}/reviews/settings`, { method: "POST", body }),
    onSuccess: (data) => queryClient.setQueryData(reviewKeys.settings, data),
  })
}

/** A product's rating and its latest reviews, for the product page. */
export const useProductReviews = (productId: string) =>
  useQuery({
    queryKey: reviewKeys.product(productId),
    queryFn: () =>
      sdk.client.fetch<ProductReviewsResponse>(`${BASE}/products/${encodeURIComponent(productId)}/reviews`),
  })

/** The products to filter the list by: the shop's first hundred, by title. */
export const useReviewProductOptions = () =>
  useQuery({
    queryKey: reviewKeys.products,
    queryFn: () => sdk.admin.product.list({ limit: 100, fields: "id,title", order: "title" }),
  })
