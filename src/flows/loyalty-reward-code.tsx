import LoyaltyRewardCodeEmail, { type LoyaltyRewardCodeEmailProps } from "../emails/loyalty-reward-code"
import { loyaltyAccountProps, loyaltyData, loyaltyPreviewProps, type RewardCodeData } from "./loyalty-data"
import type { FlowDefinition } from "./types"

/**
 * The code a member redeemed points for: transactional, since it delivers
 * what they just asked for on their own account. Scheduled on `loyalty.reward_redeemed`.
 */
export const loyaltyRewardCodeFlow: FlowDefinition<LoyaltyRewardCodeEmailProps> = {
  key: "loyalty-reward-code",
  label: "Loyalty: reward code",
  description: "Sends the code a member redeemed points for: what it gives, until when, single use.",
  category: "transactional",
  about: "account",
  anchor: "placed",
  trigger: "loyalty",
  describeDueAt: () => "When a member redeems a reward",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  orderFields: [],
  buildProps: (context) => {
    const data = loyaltyData<RewardCodeData>(context)
    const { i18n } = context
    const discount = data.discount
    return {
      ...loyaltyAccountProps(context),
      code: data.code ?? "",
      reward: data.reward ?? "",
      discount: !discount
        ? ""
        : discount.kind === "fixed" && discount.currency_code
          ? i18n.money(discount.value, discount.currency_code)
          : i18n.t("loyaltyReward.percentOff", { value: discount.value }),
      expiresAt: data.expires_at ?? new Date().toISOString(),
    }
  },
  previewProps: (brand, options, i18n) => ({
    ...LoyaltyRewardCodeEmail.PreviewProps,
    ...loyaltyPreviewProps(brand, options, i18n),
    discount: i18n.money(5, "eur"),
  }),
  editableCopy: {
    subject: "loyaltyReward.subject",
    preview: "loyaltyReward.preview",
    heading: "loyaltyReward.heading",
    intro: "loyaltyReward.intro",
    button: "loyaltyReward.button",
  },
  subject: ({ brand, i18n }) => i18n.t("loyaltyReward.subject", { shopName: brand.name }),
  template: (props) => <LoyaltyRewardCodeEmail {...props} />,
}
