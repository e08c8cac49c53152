import LoyaltyPointsEarnedEmail, { type LoyaltyPointsEarnedEmailProps } from "../emails/loyalty-points-earned"
import { loyaltyAccountUrl, loyaltyData, type PointsEarnedData } from "./loyalty-data"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import type { FlowDefinition } from "./types"

/**
 * An order's loyalty points are confirmed once its return window has closed:
 * transactional, since it reports the state of the customer's own account.
 * Scheduled on `loyalty.points_confirmed`.
 */
export const loyaltyPointsEarnedFlow: FlowDefinition<LoyaltyPointsEarnedEmailProps> = {
  key: "loyalty-points-earned",
  label: "Loyalty: points ready to spend",
  description: "Tells a member that an order’s points are confirmed, with the new balance and the reward within reach.",
  category: "transactional",
  about: "order",
  anchor: "placed",
  trigger: "loyalty",
  describeDueAt: () => "When a member’s points for an order are confirmed",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: (context) => {
    const base = orderEmailProps(context)
    const preview = LoyaltyPointsEarnedEmail.PreviewProps
    const data = loyaltyData<PointsEarnedData>(context)
    return {
      ...base,
      customer: { first_name: base.order.customer_first_name },
      accountUrl: loyaltyAccountUrl(context.options),
      // a test email with one of the shop's orders has no confirmation behind it: the sample's figures
      points: data.points ?? preview.points,
      available: data.available ?? preview.available,
      prospect: data.prospect === undefined ? preview.prospect : data.prospect,
    }
  },
  previewProps: (brand, options, i18n) => ({
    ...LoyaltyPointsEarnedEmail.PreviewProps,
    brand,
    i18n,
    storefrontUrl: options.storefrontUrl,
    accountUrl: loyaltyAccountUrl(options),
  }),
  editableCopy: {
    subject: "loyaltyEarned.subject",
    preview: "loyaltyEarned.preview",
    heading: "loyaltyEarned.heading",
    intro: "loyaltyEarned.intro",
    button: "loyaltyEarned.button",
  },
  subject: ({ order, brand, i18n }) => i18n.t("loyaltyEarned.subject", { shopName: brand.name, orderNumber: order.display_id }),
  template: (props) => <LoyaltyPointsEarnedEmail {...props} />,
}
