import OrderConfirmationEmail, { type OrderConfirmationEmailProps } from "../emails/order-confirmation"
import { EMAIL_ORDER_FIELDS, toEmailOrder } from "./order-data"
import type { FlowDefinition } from "./types"

/** The receipt, sent as soon as the order is placed. */
export const orderConfirmationFlow: FlowDefinition<OrderConfirmationEmailProps> = {
  key: "order-confirmation",
  label: "Order confirmation",
  description: "Confirms the order with its items, totals, shipping address and your returns policy.",
  category: "transactional",
  trigger: "order.placed",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: ({ order, brand, options }) => ({
    brand,
    order: toEmailOrder(order),
    storefrontUrl: options.storefrontUrl,
    returnsPolicy: null,
  }),
  previewProps: (brand, options) => ({
    ...OrderConfirmationEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
  }),
  subject: ({ order, brand }) => `Your ${brand.name} order #${order.display_id} is confirmed`,
  template: (props) => <OrderConfirmationEmail {...props} />,
}
