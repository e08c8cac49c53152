import { Heading, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { Layout } from "./components/layout"
import { LoyaltyHighlight, memberGreeting } from "./components/loyalty"
import { heading, paragraph, small } from "./components/styles"
import { sampleAccountUrl, sampleBrand, sampleI18n, sampleMember, sampleStorefrontUrl } from "./sample-data"
import type { LoyaltyEmailProps } from "./types"

export interface LoyaltyRewardCodeEmailProps extends LoyaltyEmailProps {
  /** The promotion code, exactly as the checkout takes it. */
  code: string
  reward: string
  /** What it takes off, e.g. an amount ("€5.00") or a percentage, already in the email's language. */
  discount: string
  /** ISO 8601: the last moment the code works. */
  expiresAt: string
}

/** The code a redeemed reward became: large and selectable, what it gives, until when, and that it is single use. */
export function LoyaltyRewardCodeEmail({ brand, i18n, customer, code, reward, discount, expiresAt, storefrontUrl }: LoyaltyRewardCodeEmailProps) {
  const { t } = i18n
  return (
    <Layout brand={brand} i18n={i18n} preview={t("loyaltyReward.preview", { shopName: brand.name })}>
      <Heading as="h1" style={heading}>
        {t("loyaltyReward.heading", memberGreeting(customer))}
      </Heading>
      <Text style={paragraph}>{t("loyaltyReward.intro", { shopName: brand.name })}</Text>
      <LoyaltyHighlight label={t("loyaltyReward.codeLabel")} color={brand.primaryColor}>
        <span data-code={code} style={{ fontFamily: "'Courier New', Courier, monospace", letterSpacing: "2px" }}>
          {code}
        </span>
      </LoyaltyHighlight>
      <Text style={paragraph}>
        {t("loyaltyReward.gives", { reward, discount })} {t("loyaltyReward.until", { date: i18n.date(expiresAt) })}
      </Text>
      <Text style={small}>{t("loyaltyReward.singleUse")}</Text>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          {t("loyaltyReward.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

LoyaltyRewardCodeEmail.PreviewProps = {
  brand: sampleBrand,
  i18n: sampleI18n,
  customer: sampleMember,
  storefrontUrl: sampleStorefrontUrl,
  accountUrl: sampleAccountUrl,
  code: "ACME-7KQ2-9XPL",
  reward: "€5 off",
  discount: "€5.00",
  expiresAt: "2026-06-30T23:59:59.000Z",
} satisfies LoyaltyRewardCodeEmailProps

export default LoyaltyRewardCodeEmail
