import { Heading, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { Layout } from "./components/layout"
import { LoyaltyHighlight, memberGreeting } from "./components/loyalty"
import { heading, paragraph } from "./components/styles"
import { sampleAccountUrl, sampleBrand, sampleI18n, sampleMember, sampleStorefrontUrl } from "./sample-data"
import type { LoyaltyEmailProps } from "./types"

export interface LoyaltyReferralSuccessEmailProps extends LoyaltyEmailProps {
  /** The referrer's points, pending until the friend's order can no longer be returned. */
  points: number
}

/** A referred friend's first order came through: the referrer's points. Nothing about the friend: no name, address or order. */
export function LoyaltyReferralSuccessEmail({ brand, i18n, customer, points, accountUrl }: LoyaltyReferralSuccessEmailProps) {
  const { t } = i18n
  return (
    <Layout brand={brand} i18n={i18n} preview={t("loyaltyReferral.preview", { shopName: brand.name })}>
      <Heading as="h1" style={heading}>
        {t("loyaltyReferral.heading", memberGreeting(customer))}
      </Heading>
      <Text style={paragraph}>{t("loyaltyReferral.intro", { shopName: brand.name })}</Text>
      <LoyaltyHighlight color={brand.primaryColor}>{t("loyaltyReferral.points", { points })}</LoyaltyHighlight>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={accountUrl} color={brand.primaryColor}>
          {t("loyaltyReferral.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

LoyaltyReferralSuccessEmail.PreviewProps = {
  brand: sampleBrand,
  i18n: sampleI18n,
  customer: sampleMember,
  storefrontUrl: sampleStorefrontUrl,
  accountUrl: sampleAccountUrl,
  points: 200,
} satisfies LoyaltyReferralSuccessEmailProps

export default LoyaltyReferralSuccessEmail
