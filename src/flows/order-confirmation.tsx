import OrderConfirmationEmail, { type OrderConfirmationEmailProps } from "../emails/order-confirmation"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import type { FlowDefinition } from "./types"

/** The receipt, sent as soon as the order is placed. */
export const orderConfirmationFlow: FlowDefinition<OrderConfirmationEmailProps> = {
  key: "order-confirmation",
  label: "Order confirmation",
  description: "Confirms the order with its items, totals, shipping address and your returns policy.",
  category: "transactional",
  anchor: "placed",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: EMAIL_ORDER_FIELDS,
  // the returns-policy capability fills this in; until then the template shows its placeholder
  buildProps: (context) => ({ ...orderEmailProps(context), returnsPolicy: null }),
  previewProps: (brand, options, i18n) => ({
    ...OrderConfirmationEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    i18n,
  }),
  editableCopy: {
    subject: "confirmation.subject",
    preview: "confirmation.preview",
    heading: "confirmation.heading",
    intro: "confirmation.intro",
    button: "confirmation.button",
  },
  subject: ({ order, brand, i18n }) => i18n.t("confirmation.subject", { shopName: brand.name, orderNumber: order.display_id }),
  template: (props) => <OrderConfirmationEmail {...props} />,
}
