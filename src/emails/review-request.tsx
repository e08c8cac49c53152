import { Column, Heading, Img, Link, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { colors, heading, paragraph, small, thumbnail } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleReviewItems, sampleStorefrontUrl } from "./sample-data"
import type { MessageKey } from "../i18n"
import type { EmailLineItem, OrderEmailProps } from "./types"

/** An item the customer kept, with its review links. */
export interface ReviewRequestItem extends Pick<EmailLineItem, "id" | "title" | "variant_title" | "thumbnail"> {
  /** The five star links, one to five stars, each opening the review form with that rating chosen. */
  starUrls: string[]
  /** The review form without a rating chosen. */
  reviewUrl: string
}

export interface ReviewRequestEmailProps extends OrderEmailProps {
  /** The request, or its one reminder: the same email with its own words. */
  kind: "request" | "reminder"
  items: ReviewRequestItem[]
  /** Set when the email is sent as marketing, which must carry an unsubscribe link. */
  unsubscribeUrl?: string | null
}

/** The catalog messages each kind reads; the admin can override them per flow. */
export const REVIEW_EMAIL_COPY = {
  request: {
    subject: "reviewRequest.subject",
    preview: "reviewRequest.preview",
    heading: "reviewRequest.heading",
    intro: "reviewRequest.intro",
    button: "reviewRequest.button",
  },
  reminder: {
    subject: "reviewReminder.subject",
    preview: "reviewReminder.preview",
    heading: "reviewReminder.heading",
    intro: "reviewReminder.intro",
    button: "reviewReminder.button",
  },
} as const satisfies Record<string, Record<string, MessageKey>>

/**
 * Asks how the customer likes what they kept: each item with its picture and
 * five stars, every star a link that opens the review form with that rating
 * chosen. It asks every buyer alike and says that every honest review counts.
 */
export function ReviewRequestEmail({ brand, order, items, kind, unsubscribeUrl, i18n }: ReviewRequestEmailProps) {
  const { t } = i18n
  const copy = REVIEW_EMAIL_COPY[kind]
  const shopName = brand.name
  return (
    <Layout
      brand={brand}
      i18n={i18n}
      preview={t(copy.preview, { shopName, orderNumber: order.display_id })}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Heading as="h1" style={heading}>
        {t(copy.heading, greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t(copy.intro, { shopName })}</Text>

      <Section data-block="review-items" style={{ margin: "0 0 16px" }}>
        {items.map((item) => (
          <Row key={item.id} data-item={item.id} style={{ borderTop: `1px solid ${colors.border}` }}>
            {item.thumbnail ? (
              <Column width="80" style={{ width: "80px", padding: "16px 16px 16px 0", verticalAlign: "top" }}>
                <Img src={item.thumbnail} alt={item.title} width="64" height="64" style={thumbnail} />
              </Column>
            ) : null}
            <Column style={{ padding: "16px 0", verticalAlign: "top" }}>
              <Text style={{ ...paragraph, margin: 0, fontWeight: 600 }}>{item.title}</Text>
              {item.variant_title ? <Text style={small}>{item.variant_title}</Text> : null}
              <Text style={{ ...paragraph, margin: "4px 0 0", lineHeight: "40px" }}>
                {item.starUrls.map((url, index) => (
                  <Link
                    key={url}
                    href={url}
                    data-rating={index + 1}
                    title={t("reviewRequest.star", { rating: index + 1 })}
                    aria-label={t("reviewRequest.star", { rating: index + 1 })}
                    style={star}
                  >
                    ★
                  </Link>
                ))}
              </Text>
              <Link href={item.reviewUrl} data-link="review" style={{ ...small, color: brand.primaryColor, textDecoration: "underline" }}>
                {t(copy.button)}
              </Link>
            </Column>
          </Row>
        ))}
      </Section>

      <Text style={paragraph}>{t("reviewRequest.honest")}</Text>
      <Text style={{ ...paragraph, margin: "0 0 24px" }}>{t("reviewRequest.team", { shopName })}</Text>
      <Text style={small}>{t("reviewRequest.about", { orderNumber: order.display_id, date: i18n.date(order.created_at) })}</Text>
    </Layout>
  )
}

// big enough to hit with a thumb, and five fit next to the picture in a 320 px window; amber reads as stars whatever the brand colour
const star: CSSProperties = {
  display: "inline-block",
  fontSize: "28px",
  lineHeight: "40px",
  padding: "0 4px 0 0",
  color: "#f59e0b",
  textDecoration: "none",
}

ReviewRequestEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  i18n: sampleI18n,
  kind: "request",
  items: sampleReviewItems(sampleOrder.items),
} satisfies ReviewRequestEmailProps

export default ReviewRequestEmail
