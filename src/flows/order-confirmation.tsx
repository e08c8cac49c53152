import OrderConfirmationEmail, { type OrderConfirmationEmailProps } from "../emails/order-confirmation"
import { sampleReturnsPolicy, sampleWithdrawalInfo } from "../emails/sample-data"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { returnsPolicyProps } from "./returns-policy"
import { previewWithdrawalUrl, withdrawalInfoProps } from "./withdrawal-info"
import { orderOf, type FlowDefinition } from "./types"

/** The receipt, sent as soon as the order is placed. */
export const orderConfirmationFlow: FlowDefinition<OrderConfirmationEmailProps> = {
  key: "order-confirmation",
  label: "Order confirmation",
  description: "Confirms the order with its items, totals, shipping address and your returns policy.",
  category: "transactional",
  anchor: "placed",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  needsReturnTerms: true,
  orderFields: EMAIL_ORDER_FIELDS,
  // the policy the order was placed under, never today's; in the EU the confirmation is the durable medium for the right of withdrawal
  buildProps: (context) => ({
    ...orderEmailProps(context),
    returnsPolicy: returnsPolicyProps(orderOf(context), context.returnTerms),
    withdrawal: withdrawalInfoProps(context),
  }),
  previewProps: (brand, options, i18n) => ({
    ...OrderConfirmationEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    returnsPolicy: sampleReturnsPolicy,
    withdrawal: {
      ...sampleWithdrawalInfo,
      url: previewWithdrawalUrl(options),
      supportEmail: brand.supportEmail ?? null,
    },
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
