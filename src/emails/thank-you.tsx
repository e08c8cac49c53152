import { Column, Heading, Img, Link, Row, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { colors, heading, paragraph, small, subheading } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleStorefrontUrl } from "./sample-data"
import type { Translator } from "../i18n"
import type { EmailOrder, OrderEmailProps } from "./types"

/** A piece of news or a launch to show under the thank-you. */
export interface ThankYouHighlight {
  title: string
  url: string
  imageUrl?: string | null
}

export interface ThankYouEmailProps extends OrderEmailProps {
  highlights?: ThankYouHighlight[]
  /** Set when the email is sent as marketing, which must carry an unsubscribe link. */
  unsubscribeUrl?: string | null
}

/** A personal thank-you from the shop, separate from the confirmation and without prices. */
export function ThankYouEmail({ brand, order, storefrontUrl, highlights = [], unsubscribeUrl, i18n }: ThankYouEmailProps) {
  const { t } = i18n
  const purchase = describePurchase(order, i18n)
  const shopName = brand.name

  return (
    <Layout brand={brand} i18n={i18n} preview={t("thankYou.preview", { shopName })} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={heading}>
        {t("thankYou.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("thankYou.intro", { shopName })}</Text>
      {purchase ? <Text style={paragraph}>{t("thankYou.purchase", { purchase })}</Text> : null}
      <Text style={paragraph}>{t("thankYou.comeBack")}</Text>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          {t("thankYou.button")}
        </CtaButton>
      </Section>
      {highlights.length > 0 ? (
        <Section data-block="highlights" style={{ margin: "0 0 24px" }}>
          <Text style={subheading}>{t("thankYou.highlights")}</Text>
          {highlights.map((highlight) => (
            <Row key={highlight.url} style={{ borderTop: `1px solid ${colors.border}` }}>
              {highlight.imageUrl ? (
                <Column width="96" style={{ width: "96px", padding: "12px 16px 12px 0", verticalAlign: "middle" }}>
                  <Img
                    src={highlight.imageUrl}
                    alt={highlight.title}
                    width="80"
                    height="80"
                    style={{ display: "block", width: "80px", height: "80px", objectFit: "cover", borderRadius: "6px" }}
                  />
                </Column>
              ) : null}
              <Column style={{ padding: "12px 0", verticalAlign: "middle" }}>
                <Link href={highlight.url} style={{ ...paragraph, margin: 0, color: brand.primaryColor, fontWeight: 600 }}>
                  {highlight.title}
                </Link>
              </Column>
            </Row>
          ))}
        </Section>
      ) : null}
      <Text style={{ ...paragraph, margin: "0 0 24px" }}>
        {t("thankYou.signOff")}
        <br />
        {t("thankYou.team", { shopName })}
      </Text>
      <Text style={small}>{t("thankYou.about", { orderNumber: order.display_id, date: i18n.date(order.created_at) })}</Text>
    </Layout>
  )
}

/** "Organic Cotton Tee and 2 more items"; null for an order without items. */
function describePurchase(order: EmailOrder, { t }: Translator): string | null {
  const [first, ...rest] = order.items
  if (!first) {
    return null
  }
  return rest.length === 0 ? first.title : t("thankYou.purchaseMore", { first: first.title, count: rest.length })
}

ThankYouEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  i18n: sampleI18n,
  highlights: [
    {
      title: "The spring collection is here",
      url: "https://acme-outfitters.example/collections/spring",
      imageUrl: "https://acme-outfitters.example/images/spring-collection.jpg",
    },
    {
      title: "New: recycled down jackets",
      url: "https://acme-outfitters.example/products/recycled-down-jacket",
      imageUrl: null,
    },
  ],
} satisfies ThankYouEmailProps

export default ThankYouEmail
