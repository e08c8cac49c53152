import { Heading, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { LoyaltyHighlight } from "./components/loyalty"
import { heading, paragraph } from "./components/styles"
import { sampleAccountUrl, sampleBrand, sampleI18n, sampleOrder, sampleStorefrontUrl } from "./sample-data"
import type { EmailOrder, LoyaltyEmailProps } from "./types"

/** The reward the new balance reaches, or the next one and how many points it still takes. */
export type RewardProspect = { reward: string; missing: number }

export interface LoyaltyPointsEarnedEmailProps extends LoyaltyEmailProps {
  order: EmailOrder
  /** The points the order's confirmation made available. */
  points: number
  /** The available balance after them. */
  available: number
  /** The dearest reward the balance pays for (missing 0), or the cheapest still out of reach; null without rewards. */
  prospect: RewardProspect | null
}

/** An order's points are confirmed (its return window closed): what it brought and what the balance buys. */
export function LoyaltyPointsEarnedEmail({ brand, i18n, order, points, available, prospect, accountUrl }: LoyaltyPointsEarnedEmailProps) {
  const { t } = i18n
  const orderNumber = order.display_id
  return (
    <Layout brand={brand} i18n={i18n} preview={t("loyaltyEarned.preview", { shopName: brand.name, orderNumber })}>
      <Heading as="h1" style={heading}>
        {t("loyaltyEarned.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("loyaltyEarned.intro", { shopName: brand.name, orderNumber })}</Text>
      <LoyaltyHighlight color={brand.primaryColor}>{t("loyaltyEarned.points", { points, orderNumber })}</LoyaltyHighlight>
      <Text style={paragraph}>
        {t("loyaltyEarned.balance", { available })}{" "}
        {prospect
          ? prospect.missing > 0
            ? t("loyaltyEarned.toNext", { missing: prospect.missing, reward: prospect.reward })
            : t("loyaltyEarned.withinReach", { reward: prospect.reward })
          : null}
      </Text>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={accountUrl} color={brand.primaryColor}>
          {t("loyaltyEarned.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

LoyaltyPointsEarnedEmail.PreviewProps = {
  brand: sampleBrand,
  i18n: sampleI18n,
  customer: { first_name: sampleOrder.customer_first_name },
  storefrontUrl: sampleStorefrontUrl,
  accountUrl: sampleAccountUrl,
  order: sampleOrder,
  points: 84,
  available: 420,
  prospect: { reward: "€5 off", missing: 80 },
} satisfies LoyaltyPointsEarnedEmailProps

export default LoyaltyPointsEarnedEmail
