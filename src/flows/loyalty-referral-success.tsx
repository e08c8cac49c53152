import LoyaltyReferralSuccessEmail, { type LoyaltyReferralSuccessEmailProps } from "../emails/loyalty-referral-success"
import { loyaltyAccountProps, loyaltyData, loyaltyPreviewProps, type ReferralSuccessData } from "./loyalty-data"
import type { FlowDefinition } from "./types"

/**
 * A member's referral came through: transactional, since it reports points
 * credited to their own account; it says nothing about the friend.
 * Scheduled on `loyalty.referral_succeeded`.
 */
export const loyaltyReferralSuccessFlow: FlowDefinition<LoyaltyReferralSuccessEmailProps> = {
  key: "loyalty-referral-success",
  label: "Loyalty: referral came through",
  description: "Tells a member that a friend they referred placed a first order, and the points it brings them.",
  category: "transactional",
  about: "account",
  anchor: "placed",
  trigger: "loyalty",
  describeDueAt: () => "When a referred friend’s first order comes through",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: [],
  buildProps: (context) => ({ ...loyaltyAccountProps(context), points: loyaltyData<ReferralSuccessData>(context).points ?? 0 }),
  previewProps: (brand, options, i18n) => ({ ...LoyaltyReferralSuccessEmail.PreviewProps, ...loyaltyPreviewProps(brand, options, i18n) }),
  editableCopy: {
    subject: "loyaltyReferral.subject",
    preview: "loyaltyReferral.preview",
    heading: "loyaltyReferral.heading",
    intro: "loyaltyReferral.intro",
    button: "loyaltyReferral.button",
  },
  subject: ({ brand, i18n }) => i18n.t("loyaltyReferral.subject", { shopName: brand.name }),
  template: (props) => <LoyaltyReferralSuccessEmail {...props} />,
}
