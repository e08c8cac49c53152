import LoyaltyPointsExpiringEmail, { type LoyaltyPointsExpiringEmailProps } from "../emails/loyalty-points-expiring"
import { loyaltyAccountProps, loyaltyData, loyaltyPreviewProps, type PointsExpiringData } from "./loyalty-data"
import type { FlowDefinition } from "./types"

/**
 * Points about to expire: transactional, since it is notice of a change to
 * the member's own balance. Scheduled on `loyalty.points_expiring`.
 */
export const loyaltyPointsExpiringFlow: FlowDefinition<LoyaltyPointsExpiringEmailProps> = {
  key: "loyalty-points-expiring",
  label: "Loyalty: points expiring soon",
  description: "Warns a member that points expire soon: how many, on which date, and where to spend them.",
  category: "transactional",
  about: "account",
  anchor: "placed",
  trigger: "loyalty",
  describeDueAt: () => "When a member’s points are about to expire (the programme’s reminder days before)",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: [],
  buildProps: (context) => {
    const data = loyaltyData<PointsExpiringData>(context)
    return { ...loyaltyAccountProps(context), points: data.points ?? 0, expiresAt: data.expires_at ?? new Date().toISOString() }
  },
  previewProps: (brand, options, i18n) => ({ ...LoyaltyPointsExpiringEmail.PreviewProps, ...loyaltyPreviewProps(brand, options, i18n) }),
  editableCopy: {
    subject: "loyaltyExpiring.subject",
    preview: "loyaltyExpiring.preview",
    heading: "loyaltyExpiring.heading",
    intro: "loyaltyExpiring.intro",
    button: "loyaltyExpiring.button",
  },
  subject: ({ brand, i18n }) => i18n.t("loyaltyExpiring.subject", { shopName: brand.name }),
  template: (props) => <LoyaltyPointsExpiringEmail {...props} />,
}
