import { MedusaError } from "@medusajs/framework/utils"
import type { ReviewRequestEmailProps, ReviewRequestItem } from "../emails/review-request"
import { keptItems, RETURN_ORDER_FIELDS, type OrderItemQuantities } from "../lib/returns"
import { reviewUrl, signReviewToken, STAR_RATINGS } from "../lib/review-link"
import { UNSUBSCRIBE_PATH } from "../lib/unsubscribe"
import type { PluginOptions } from "../modules/post-purchase/options"
import type { BrandProps, EmailLineItem } from "../emails/types"
import type { Translator } from "../i18n"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { orderOf, type FlowContext, type LoadedOrder } from "./types"

/**
 * What the review request and its reminder share. Both go to every buyer who
 * kept something, whatever they answered in a survey or how they rated
 * before: asking only the happy ones is review gating, which the FTC's rule
 * (16 CFR 465) and Google forbid, so there is deliberately no option for it.
 */

/** The order fields both read: the email's, each item's returned quantities, the language, and whether a review came in. */
export const REVIEW_ORDER_FIELDS = [...EMAIL_ORDER_FIELDS, ...RETURN_ORDER_FIELDS, "locale", "reviews.id"]

/** Why a review request should not go out after all: nothing of the order is kept. */
export function nothingKeptReason(order: LoadedOrder): string | null {
  return keptItems((order.items ?? []) as OrderItemQuantities[]).length
    ? null
    : "No item of the order is kept: every item was returned or is in a return"
}

/**
 * The email's props: the kept items, each with five star links carrying a
 * signed token for that line item and its buyer. A preview or a test email
 * gets links that act on nothing: it goes to someone else than the buyer.
 */
export function reviewEmailProps(context: FlowContext, kind: ReviewRequestEmailProps["kind"]): ReviewRequestEmailProps {
  const base = orderEmailProps(context)
  const { options, signingKeys, followup } = context
  const order = orderOf(context)
  const kept = new Set(keptItems((order.items ?? []) as OrderItemQuantities[]).map((item) => item.id))
  const items = base.order.items.filter((item) => kept.has(item.id))
  if (context.preview) {
    return { ...base, kind, items: previewItems(items, options) }
  }
  if (!signingKeys?.length) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The review request's star links need the plugin's signing keys")
  }
  return {
    ...base,
    kind,
    items: items.map((item) => {
      const token = signReviewToken(
        {
          order_id: order.id,
          line_item_id: item.id,
          customer_id: order.customer_id ?? null,
          email: order.email ?? "",
          locale: followup?.locale ?? order.locale ?? null,
        },
        options,
        signingKeys,
        context.now
      )
      return {
        id: item.id,
        title: item.title,
        variant_title: item.variant_title,
        thumbnail: item.thumbnail,
        starUrls: STAR_RATINGS.map((rating) => reviewUrl(token, rating, options)),
        reviewUrl: reviewUrl(token, null, options),
      }
    }),
  }
}

/** Preview props with the shop's brand and language, the unsubscribe link every marketing email carries. */
export function reviewPreviewProps(
  preview: ReviewRequestEmailProps,
  brand: BrandProps,
  options: PluginOptions,
  i18n: Translator,
  kind: ReviewRequestEmailProps["kind"]
): ReviewRequestEmailProps {
  return {
    ...preview,
    kind,
    brand,
    storefrontUrl: options.storefrontUrl,
    i18n,
    items: previewItems(preview.order.items, options),
    // a real one holds the recipient's signed token
    unsubscribeUrl: `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`,
  }
}

/** Star links whose token is no token: the form they open says the link does not work. */
function previewItems(items: EmailLineItem[], options: PluginOptions): ReviewRequestItem[] {
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    variant_title: item.variant_title,
    thumbnail: item.thumbnail,
    starUrls: STAR_RATINGS.map((rating) => reviewUrl("preview", rating, options)),
    reviewUrl: reviewUrl("preview", null, options),
  }))
}
