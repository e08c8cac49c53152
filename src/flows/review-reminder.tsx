import ReviewRequestEmail, { REVIEW_EMAIL_COPY, type ReviewRequestEmailProps } from "../emails/review-request"
import { greetingValues } from "../emails/components/format"
import { nothingKeptReason, REVIEW_ORDER_FIELDS, reviewEmailProps, reviewPreviewProps } from "./review-data"
import type { FlowDefinition } from "./types"

const DAY = 24 * 60 * 60

/** The review request's one reminder, 5 days after it unless the shop says otherwise, only when no review of the order came in. */
export const reviewReminderFlow: FlowDefinition<ReviewRequestEmailProps> = {
  key: "review-reminder",
  label: "Review reminder",
  description: "Asks once more, some days after the review request, only when no review of the order came in. Off with the review request.",
  category: "marketing",
  // the review request's: a reminder counts from when the request is due
  anchor: "delivered",
  follows: "review-request",
  notBeforeDelivery: true,
  defaultDelaySeconds: 5 * DAY,
  defaultEnabled: true,
  skipAtSend: ({ order }) =>
    (order.reviews ?? []).length ? "A review of the order came in: no reminder needed" : nothingKeptReason(order),
  orderFields: REVIEW_ORDER_FIELDS,
  buildProps: (context) => reviewEmailProps(context, "reminder"),
  previewProps: (brand, options, i18n) => reviewPreviewProps(ReviewRequestEmail.PreviewProps, brand, options, i18n, "reminder"),
  editableCopy: REVIEW_EMAIL_COPY.reminder,
  subject: ({ order, brand, i18n }) =>
    i18n.t("reviewReminder.subject", { shopName: brand.name, orderNumber: order.display_id, ...greetingValues(order) }),
  template: (props) => <ReviewRequestEmail {...props} />,
}
