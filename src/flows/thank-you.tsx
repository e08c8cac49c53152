import ThankYouEmail, { type ThankYouEmailProps } from "../emails/thank-you"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { UNSUBSCRIBE_PATH } from "../lib/unsubscribe"
import type { FlowDefinition } from "./types"

const DAY = 24 * 60 * 60

/** A personal thank-you, separate from the receipt; a day after the order unless the shop says otherwise. */
export const thankYouFlow: FlowDefinition<ThankYouEmailProps> = {
  key: "thank-you",
  label: "Thank-you",
  description: "A personal thank-you with your latest news, separate from the receipt.",
  category: "marketing",
  anchor: "placed",
  defaultDelaySeconds: DAY,
  defaultEnabled: true,
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: orderEmailProps,
  previewProps: (brand, options) => ({
    ...ThankYouEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    // what every marketing email carries; a real one holds the recipient's signed token
    unsubscribeUrl: `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`,
  }),
  subject: ({ order, brand }) =>
    `Thank you${order.customer_first_name ? `, ${order.customer_first_name}` : ""}, from all of us at ${brand.name}`,
  template: (props) => <ThankYouEmail {...props} />,
}
