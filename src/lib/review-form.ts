import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { POST_PURCHASE_MODULE } from "../modules/post-purchase"
import { normalizeEmail } from "../modules/post-purchase/service"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import { REVIEWS_MODULE, REVIEW_LIMITS } from "../modules/reviews"
import type ReviewsModuleService from "../modules/reviews/service"
import { readReviewToken } from "./review-link"

/**
 * What a review link opens: the line item it names, on the order it names,
 * bought by the customer (or guest email) it names, and the review of that
 * item when there is one to edit. The Store API, the hosted form and the
 * submit workflow all read a link through here, so they refuse the same.
 */

/** The line item a review is about. */
export type ReviewableItem = {
  id: string
  product_id: string
  variant_id: string | null
  title: string
  variant_title: string | null
  thumbnail: string | null
}

/** A review as its author sees it again: never the email, which is the shop's to read. */
export type OwnReview = {
  id: string
  status: string
  rating: number
  title: string | null
  body: string | null
  images: string[]
  reviewer_name: string
  verified: boolean
}

export type ReviewLink = {
  order: { id: string; display_id: number; email: string; customer_id: string | null; locale: string | null }
  item: ReviewableItem
  /** The name shown with a review unless the customer gives another: first name and the last name's initial. */
  default_name: string
  existing: OwnReview | null
  /** The language the link was signed for. */
  locale: string | null
}

/** Why a review link does not open, as a field of the request and a message that names it. */
export type ReviewLinkProblem = { field: "token"; expired: boolean; message: string }

const ORDER_FIELDS = [
  "id",
  "status",
  "display_id",
  "email",
  "customer_id",
  "locale",
  "customer.first_name",
  "customer.last_name",
  "billing_address.first_name",
  "billing_address.last_name",
  "shipping_address.first_name",
  "shipping_address.last_name",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.thumbnail",
]

/**
 * Opens a review token: valid, unexpired and for reviews; its order exists
 * and is the token's customer's (a guest's: placed with the token's email);
 * its line item is on that order; and, when a customer is signed in, they are
 * the token's customer. Anything else is a problem naming `token`.
 */
export async function openReviewLink(
  container: { resolve: (key: string) => any },
  token: string,
  { signedInCustomerId = null, now }: { signedInCustomerId?: string | null; now?: Date } = {}
): Promise<{ link: ReviewLink } | { problem: ReviewLinkProblem }> {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const read = readReviewToken(token, service.getSigningKeys(), now)
  if (!read.valid) {
    return {
      problem: {
        field: "token",
        expired: read.reason === "expired",
        message:
          read.reason === "expired"
            ? "token: the review link has expired"
            : read.reason === "wrong purpose"
              ? "token: this is not a review link's token"
              : "token: the review link is incomplete or was changed",
      },
    }
  }
  const refused = (message: string) => ({ problem: { field: "token" as const, expired: false, message: `token: ${message}` } })
  if (signedInCustomerId && signedInCustomerId !== read.customer_id) {
    return refused("this review link is for another customer's order")
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: read.order_id } })
  const buyer = !order
    ? false
    : read.customer_id
      ? order.customer_id === read.customer_id
      : !order.customer_id && normalizeEmail(order.email ?? "") === normalizeEmail(read.email)
  if (!order || !buyer) {
    return refused("the review link's order was not found")
  }
  if (order.status === "canceled") {
    return refused("the review link's order was canceled")
  }
  const item = (order.items ?? []).find((line: any) => line?.id === read.line_item_id)
  if (!item || !item.product_id) {
    return refused("the item of this review link is not part of its order anymore")
  }

  const reviews: ReviewsModuleService = container.resolve(REVIEWS_MODULE)
  const [existing] = await reviews.listReviews({ line_item_id: item.id }, { take: 1 })
  return {
    link: {
      order: {
        id: order.id,
        display_id: order.display_id,
        email: order.email ?? "",
        customer_id: order.customer_id ?? null,
        locale: order.locale ?? null,
      },
      item: {
        id: item.id,
        product_id: item.product_id,
        variant_id: item.variant_id ?? null,
        title: item.product_title ?? item.title,
        variant_title: item.variant_title && item.variant_title !== "Default variant" ? item.variant_title : null,
        thumbnail: item.thumbnail ?? null,
      },
      default_name: shownName(order),
      existing: existing ? ownReview(existing) : null,
      locale: read.locale,
    },
  }
}

/** Like `openReviewLink`, for callers that answer a refused link with a 400 naming `token`. */
export async function requireReviewLink(
  container: { resolve: (key: string) => any },
  token: string,
  options: { signedInCustomerId?: string | null; now?: Date } = {}
): Promise<ReviewLink> {
  const opened = await openReviewLink(container, token, options)
  if ("problem" in opened) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, opened.problem.message)
  }
  return opened.link
}

/** "Anna d.": the first name and the last name's initial, from the customer, else the billing or shipping address. */
export function shownName(order: Record<string, any>): string {
  for (const person of [order.customer, order.billing_address, order.shipping_address]) {
    const first = (person?.first_name as string | null | undefined)?.trim()
    if (first) {
      const last = (person?.last_name as string | null | undefined)?.trim()
      return `${first}${last ? ` ${[...last][0].toLocaleUpperCase()}.` : ""}`.slice(0, REVIEW_LIMITS.nameLength)
    }
  }
  return ""
}

export function ownReview(review: Record<string, any>): OwnReview {
  return {
    id: review.id,
    status: review.status,
    rating: review.rating,
    title: review.title ?? null,
    body: review.body ?? null,
    images: Array.isArray(review.images) ? review.images : [],
    reviewer_name: review.reviewer_name,
    verified: !!review.verified,
  }
}
