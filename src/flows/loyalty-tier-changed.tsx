import LoyaltyTierChangedEmail, { type LoyaltyTierChangedEmailProps } from "../emails/loyalty-tier-changed"
import { loyaltyAccountProps, loyaltyData, loyaltyPreviewProps, type TierChangedEmailData } from "./loyalty-data"
import type { FlowDefinition } from "./types"

/**
 * A member moved up or down a tier: transactional, since it tells them the
 * terms of their own membership changed. Scheduled on `loyalty.tier_changed`.
 */
export const loyaltyTierChangedFlow: FlowDefinition<LoyaltyTierChangedEmailProps> = {
  key: "loyalty-tier-changed",
  label: "Loyalty: tier changed",
  description: "Welcomes a member to a higher tier with its multiplier, or explains kindly a move down and what brings them back.",
  category: "transactional",
  about: "account",
  anchor: "placed",
  trigger: "loyalty",
  describeDueAt: () => "When a member moves up or down a tier",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: [],
  buildProps: (context) => {
    const data = loyaltyData<TierChangedEmailData>(context)
    const comeback = data.comeback
    return {
      ...loyaltyAccountProps(context),
      direction: data.direction ?? "up",
      tier: data.tier ?? null,
      multiplier: data.multiplier ?? 1,
      comeback: !comeback
        ? null
        : comeback.basis === "spend" && comeback.currency_code
          ? { tier: comeback.tier, basis: "spend", amount: context.i18n.money(comeback.threshold, comeback.currency_code) }
          : { tier: comeback.tier, basis: "points", threshold: comeback.threshold },
    }
  },
  previewProps: (brand, options, i18n) => ({ ...LoyaltyTierChangedEmail.PreviewProps, ...loyaltyPreviewProps(brand, options, i18n) }),
  editableCopy: {
    subject: "loyaltyTier.subject",
    preview: "loyaltyTier.preview",
    heading: "loyaltyTier.heading",
    intro: "loyaltyTier.intro",
    button: "loyaltyTier.button",
  },
  subject: ({ brand, i18n }) => i18n.t("loyaltyTier.subject", { shopName: brand.name }),
  template: (props) => <LoyaltyTierChangedEmail {...props} />,
}
