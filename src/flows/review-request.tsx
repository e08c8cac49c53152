import ReviewRequestEmail, { REVIEW_EMAIL_COPY, type ReviewRequestEmailProps } from "../emails/review-request"
import { greetingValues } from "../emails/components/format"
import { nothingKeptReason, REVIEW_ORDER_FIELDS, reviewEmailProps, reviewPreviewProps } from "./review-data"
import type { FlowDefinition } from "./types"

const DAY = 24 * 60 * 60

/** A week after the parcel arrived: how do you like what you kept? Five star links per item. */
export const reviewRequestFlow: FlowDefinition<ReviewRequestEmailProps> = {
  key: "review-request",
  label: "Review request",
  description: "Asks every buyer to rate the items they kept, with five one-click star links per item, a week after delivery.",
  category: "marketing",
  // ask once the product has been used a little, never before it arrived
  anchor: "delivered",
  notBeforeDelivery: true,
  defaultDelaySeconds: 7 * DAY,
  defaultEnabled: true,
  skipAtSend: ({ order }) => nothingKeptReason(order),
  orderFields: REVIEW_ORDER_FIELDS,
  buildProps: (context) => reviewEmailProps(context, "request"),
  previewProps: (brand, options, i18n) => reviewPreviewProps(ReviewRequestEmail.PreviewProps, brand, options, i18n, "request"),
  editableCopy: REVIEW_EMAIL_COPY.request,
  subject: ({ order, brand, i18n }) =>
    i18n.t("reviewRequest.subject", { shopName: brand.name, orderNumber: order.display_id, ...greetingValues(order) }),
  template: (props) => <ReviewRequestEmail {...props} />,
}
