import { Heading, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { Layout } from "./components/layout"
import { LoyaltyHighlight, memberGreeting } from "./components/loyalty"
import { heading, paragraph } from "./components/styles"
import { sampleAccountUrl, sampleBrand, sampleI18n, sampleMember, sampleStorefrontUrl } from "./sample-data"
import type { LoyaltyEmailProps } from "./types"

export interface LoyaltyPointsExpiringEmailProps extends LoyaltyEmailProps {
  points: number
  /** ISO 8601: when they expire. */
  expiresAt: string
}

/** Points about to expire: how many, on which date, and where to spend them. */
export function LoyaltyPointsExpiringEmail({ brand, i18n, customer, points, expiresAt, accountUrl }: LoyaltyPointsExpiringEmailProps) {
  const { t } = i18n
  return (
    <Layout brand={brand} i18n={i18n} preview={t("loyaltyExpiring.preview", { shopName: brand.name })}>
      <Heading as="h1" style={heading}>
        {t("loyaltyExpiring.heading", memberGreeting(customer))}
      </Heading>
      <Text style={paragraph}>{t("loyaltyExpiring.intro", { shopName: brand.name })}</Text>
      <LoyaltyHighlight color={brand.primaryColor}>{t("loyaltyExpiring.detail", { points, date: i18n.date(expiresAt) })}</LoyaltyHighlight>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={accountUrl} color={brand.primaryColor}>
          {t("loyaltyExpiring.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

LoyaltyPointsExpiringEmail.PreviewProps = {
  brand: sampleBrand,
  i18n: sampleI18n,
  customer: sampleMember,
  storefrontUrl: sampleStorefrontUrl,
  accountUrl: sampleAccountUrl,
  points: 150,
  expiresAt: "2026-12-31T00:00:00.000Z",
} satisfies LoyaltyPointsExpiringEmailProps

export default LoyaltyPointsExpiringEmail
