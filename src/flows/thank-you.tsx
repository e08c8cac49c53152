import ThankYouEmail, { type ThankYouEmailProps } from "../emails/thank-you"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { greetingValues } from "../emails/components/format"
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
  previewProps: (brand, options, i18n) => ({
    ...ThankYouEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    i18n,
    // what every marketing email carries; a real one holds the recipient's signed token
    unsubscribeUrl: `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`,
  }),
  editableCopy: {
    subject: "thankYou.subject",
    preview: "thankYou.preview",
    heading: "thankYou.heading",
    intro: "thankYou.intro",
    button: "thankYou.button",
  },
  subject: ({ order, brand, i18n }) => i18n.t("thankYou.subject", { shopName: brand.name, ...greetingValues(order) }),
  template: (props) => <ThankYouEmail {...props} />,
}
