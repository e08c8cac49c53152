import { Heading, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { Layout } from "./components/layout"
import { LoyaltyHighlight, memberGreeting } from "./components/loyalty"
import { heading, paragraph } from "./components/styles"
import { sampleAccountUrl, sampleBrand, sampleI18n, sampleMember, sampleStorefrontUrl } from "./sample-data"
import type { LoyaltyEmailProps } from "./types"

/** What it takes to be back at the tier a member left: points earned, or money spent, in 12 months. */
export type TierComeback = { tier: string } & ({ basis: "points"; threshold: number } | { basis: "spend"; amount: string })

export interface LoyaltyTierChangedEmailProps extends LoyaltyEmailProps {
  direction: "up" | "down"
  /** The tier's name now; null when a member left the lowest tier. */
  tier: string | null
  /** The new tier's points multiplier, for a move up. */
  multiplier: number
  /** For a move down: what brings them back to the tier they left. */
  comeback: TierComeback | null
}

/** A move up ("Welcome to Gold" with its multiplier) or a kind note on a move down, with what brings them back. */
export function LoyaltyTierChangedEmail({ brand, i18n, customer, direction, tier, multiplier, comeback, accountUrl }: LoyaltyTierChangedEmailProps) {
  const { t } = i18n
  const up = direction === "up" && tier
  return (
    <Layout brand={brand} i18n={i18n} preview={t("loyaltyTier.preview", { shopName: brand.name })}>
      <Heading as="h1" style={heading}>
        {t("loyaltyTier.heading", memberGreeting(customer))}
      </Heading>
      <Text style={paragraph}>{t("loyaltyTier.intro", { shopName: brand.name })}</Text>
      <LoyaltyHighlight color={brand.primaryColor}>
        {up ? t("loyaltyTier.up", { tier }) : tier ? t("loyaltyTier.down", { tier }) : t("loyaltyTier.downNone")}
      </LoyaltyHighlight>
      {up ? (
        <Text style={paragraph}>{multiplier > 1 ? t("loyaltyTier.upMultiplier", { tier, multiplier }) : t("loyaltyTier.upPlain")}</Text>
      ) : (
        <Text style={paragraph}>
          {comeback
            ? comeback.basis === "points"
              ? t("loyaltyTier.keepPoints", { threshold: comeback.threshold, tier: comeback.tier })
              : t("loyaltyTier.keepSpend", { amount: comeback.amount, tier: comeback.tier })
            : null}{" "}
          {t("loyaltyTier.kind")}
        </Text>
      )}
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={accountUrl} color={brand.primaryColor}>
          {t("loyaltyTier.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

LoyaltyTierChangedEmail.PreviewProps = {
  brand: sampleBrand,
  i18n: sampleI18n,
  customer: sampleMember,
  storefrontUrl: sampleStorefrontUrl,
  accountUrl: sampleAccountUrl,
  direction: "up",
  tier: "Gold",
  multiplier: 1.5,
  comeback: null,
} satisfies LoyaltyTierChangedEmailProps

export default LoyaltyTierChangedEmail
