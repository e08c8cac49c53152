import { Column, Heading, Img, Link, Row, Section, Text } from "@react-email/components"
import { CtaButton } from "./components/button"
import { formatDate, greetingName } from "./components/format"
import { Layout } from "./components/layout"
import { colors, heading, paragraph, small, subheading } from "./components/styles"
import { sampleBrand, sampleOrder, sampleStorefrontUrl } from "./sample-data"
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
export function ThankYouEmail({ brand, order, storefrontUrl, highlights = [], unsubscribeUrl }: ThankYouEmailProps) {
  const name = greetingName(order)
  const purchase = describePurchase(order)

  return (
    <Layout brand={brand} preview={`A personal thank you from ${brand.name}`} unsubscribeUrl={unsubscribeUrl}>
      <Heading as="h1" style={heading}>
        {`Thank you, ${name}!`}
      </Heading>
      <Text style={paragraph}>
        {`All of us at ${brand.name} wanted to say a personal thank you. ` +
          "It means a lot that you chose to shop with us, and we put real care into every order."}
      </Text>
      {purchase ? <Text style={paragraph}>{`We hope you love your ${purchase}.`}</Text> : null}
      <Text style={paragraph}>
        {"There’s always something new in the shop, so come and have a look whenever you like."}
      </Text>
      <Section style={{ textAlign: "center", margin: "8px 0 24px" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          {"Discover what’s new"}
        </CtaButton>
      </Section>
      {highlights.length > 0 ? (
        <Section data-block="highlights" style={{ margin: "0 0 24px" }}>
          <Text style={subheading}>New in the shop</Text>
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
        {"Warm wishes,"}
        <br />
        {`The ${brand.name} team`}
      </Text>
      <Text style={small}>{`About your order #${order.display_id} of ${formatDate(order.created_at)}.`}</Text>
    </Layout>
  )
}

/** "Organic Cotton Tee and 2 more items"; null for an order without items. */
function describePurchase(order: EmailOrder): string | null {
  const [first, ...rest] = order.items
  if (!first) {
    return null
  }
  if (rest.length === 0) {
    return first.title
  }
  return `${first.title} and ${rest.length} more ${rest.length === 1 ? "item" : "items"}`
}

ThankYouEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
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
