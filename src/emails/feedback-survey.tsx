import { Column, Heading, Link, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { colors, fontFamily, heading, paragraph, small, subheading } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleStorefrontUrl } from "./sample-data"
import type { OrderEmailProps } from "./types"

export interface FeedbackSurveyEmailProps extends OrderEmailProps {
  /** The eleven score links, for 0 to 10 in that order, each signed for the order's buyer. */
  scoreUrls: string[]
  /** The survey's page with no score chosen yet. */
  surveyUrl: string
  /** Marketing email must carry one. */
  unsubscribeUrl?: string | null
}

/**
 * The feedback survey: "how likely are you to recommend us", answered with
 * one click on a number from 0 to 10, each a link to the survey's page with
 * that score chosen, where a comment can follow. The scale is a row of table
 * cells, which every mail client lays out alike (no flex, no grid).
 */
export function FeedbackSurveyEmail({ brand, order, scoreUrls, surveyUrl, unsubscribeUrl, i18n }: FeedbackSurveyEmailProps) {
  const { t } = i18n
  const shopName = brand.name
  return (
    <Layout brand={brand} i18n={i18n} preview={t("feedbackSurvey.preview", { shopName, orderNumber: order.display_id })} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={heading}>
        {t("feedbackSurvey.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("feedbackSurvey.intro", { shopName, orderNumber: order.display_id })}</Text>
      <Section data-block="nps-scale" style={{ margin: "8px 0 8px" }}>
        <Text style={{ ...subheading, textAlign: "center" }}>{t("feedbackSurvey.question", { shopName })}</Text>
        <Row>
          {scoreUrls.map((url, score) => (
            <Column key={score} align="center" width="9%" style={{ ...cell, ...(score === scoreUrls.length - 1 ? lastCell : {}) }}>
              <Link
                href={url}
                data-score={score}
                title={t("feedbackSurvey.scoreLabel", { score })}
                style={{ ...scoreLink, color: brand.primaryColor }}
              >
                {String(score)}
              </Link>
            </Column>
          ))}
        </Row>
        <Text style={{ ...small, textAlign: "center", margin: "8px 0 0" }}>{t("feedbackSurvey.scale")}</Text>
      </Section>
      <Text style={{ ...paragraph, margin: "16px 0 24px" }}>{t("feedbackSurvey.next")}</Text>
      <Section style={{ textAlign: "center", margin: "0 0 24px" }}>
        <CtaButton href={surveyUrl} color={brand.primaryColor}>
          {t("feedbackSurvey.button")}
        </CtaButton>
      </Section>
      <Text style={{ ...paragraph, margin: 0 }}>{t("feedbackSurvey.team", { shopName })}</Text>
    </Layout>
  )
}

// borders on the cells, never padding on the links: Outlook for Windows ignores padding on <a>
const cell: CSSProperties = {
  borderTop: `1px solid ${colors.border}`,
  borderBottom: `1px solid ${colors.border}`,
  borderLeft: `1px solid ${colors.border}`,
  textAlign: "center",
  verticalAlign: "middle",
}

const lastCell: CSSProperties = { borderRight: `1px solid ${colors.border}` }

const scoreLink: CSSProperties = {
  display: "block",
  fontFamily,
  fontSize: "16px",
  lineHeight: "44px",
  fontWeight: 600,
  textDecoration: "none",
  textAlign: "center",
}

const previewToken = "preview"
const previewBase = "https://api.acme-outfitters.example/hooks/post-purchase/feedback"

FeedbackSurveyEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  i18n: sampleI18n,
  // the links of previews and test emails carry no signed token, so they record nothing
  scoreUrls: Array.from({ length: 11 }, (_, score) => `${previewBase}?token=${previewToken}&score=${score}`),
  surveyUrl: `${previewBase}?token=${previewToken}`,
} satisfies FeedbackSurveyEmailProps

export default FeedbackSurveyEmail
