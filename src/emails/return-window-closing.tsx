import { Column, Heading, Img, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { colors, heading, paragraph, small, subheading, thumbnail } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleReturnsPolicy, sampleStorefrontUrl } from "./sample-data"
import type { Translator } from "../i18n"
import type { EmailLineItem, OrderEmailProps, ReturnsPolicyProps } from "./types"

export interface ReturnWindowClosingEmailProps extends OrderEmailProps {
  /**
   * The last day to return (YYYY-MM-DD, on the shop's calendar); null while
   * the delivery is not known yet, which only a test email of a recent order meets.
   */
  lastDay: string | null
  /** The order's items that can still go back. */
  returnableItems: EmailLineItem[]
  /** How to return, from the policy version the order was placed under; null when it had none. */
  returnsPolicy: ReturnsPolicyProps | null
  /** Set when the email is sent as marketing, which must carry an unsubscribe link. */
  unsubscribeUrl?: string | null
}

/**
 * A few days before the last day to return: until when, what can still go
 * back and how. For customers who kept everything; it tells them they need do
 * nothing if they are happy.
 */
export function ReturnWindowClosingEmail({
  brand,
  order,
  storefrontUrl,
  lastDay,
  returnableItems,
  returnsPolicy,
  unsubscribeUrl,
  i18n,
}: ReturnWindowClosingEmailProps) {
  const { t } = i18n
  const shopName = brand.name
  const line = { ...paragraph, margin: "0 0 8px" }
  return (
    <Layout
      brand={brand}
      i18n={i18n}
      preview={t("windowClosing.preview", { shopName, orderNumber: order.display_id })}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Heading as="h1" style={heading}>
        {t("windowClosing.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("windowClosing.intro", { shopName })}</Text>
      {lastDay || returnsPolicy ? (
        <Text data-block="deadline" style={{ ...paragraph, fontWeight: 600 }}>
          {lastDay
            ? t("windowClosing.deadline", { orderNumber: order.display_id, lastDay: formatDay(lastDay, i18n) })
            : t("email.returnsPolicy.window", { days: returnsPolicy!.windowDays })}
        </Text>
      ) : null}

      {returnableItems.length > 0 ? (
        <Section data-block="returnable-items" style={{ margin: "0 0 24px" }}>
          <Text style={subheading}>{t("windowClosing.items", { count: returnableItems.length })}</Text>
          {returnableItems.map((item) => (
            <Row key={item.id} style={{ borderTop: `1px solid ${colors.border}` }}>
              {item.thumbnail ? (
                <Column width="80" style={{ width: "80px", padding: "12px 16px 12px 0", verticalAlign: "middle" }}>
                  <Img src={item.thumbnail} alt={item.title} width="64" height="64" style={thumbnail} />
                </Column>
              ) : null}
              <Column style={{ padding: "12px 0", verticalAlign: "middle" }}>
                <Text style={{ ...paragraph, margin: 0, fontWeight: 600 }}>{item.title}</Text>
                {item.variant_title ? <Text style={small}>{item.variant_title}</Text> : null}
                {item.quantity > 1 ? <Text style={small}>{t("email.items.quantity", { quantity: item.quantity })}</Text> : null}
              </Column>
            </Row>
          ))}
        </Section>
      ) : null}

      {returnsPolicy ? (
        <Section data-block="how-to-return" style={box}>
          <Row>
            <Column style={{ padding: "16px 20px" }}>
              <Text style={subheading}>{t("windowClosing.howTo")}</Text>
              <Text style={line}>
                {t("email.returnsPolicy.methods", {
                  methods: returnsPolicy.methods.length === 1 ? returnsPolicy.methods[0] : "both",
                })}
              </Text>
              {returnsPolicy.fee !== null ? (
                <Text style={line}>
                  {returnsPolicy.fee === 0
                    ? t("email.returnsPolicy.free")
                    : t("email.returnsPolicy.fee", { fee: i18n.money(returnsPolicy.fee, returnsPolicy.currencyCode) })}
                </Text>
              ) : null}
              <Text style={{ ...paragraph, margin: 0 }}>
                {t("email.returnsPolicy.refund", {
                  how: i18n.list(
                    returnsPolicy.refundMethods.map((method) => t(`email.returnsPolicy.refund.${method}`)),
                    "disjunction"
                  ),
                  days: returnsPolicy.refundDays,
                })}
              </Text>
            </Column>
          </Row>
        </Section>
      ) : null}

      <Section style={{ textAlign: "center", margin: "0 0 24px" }}>
        <CtaButton href={returnsPolicy?.url ?? storefrontUrl} color={brand.primaryColor}>
          {t("windowClosing.button")}
        </CtaButton>
      </Section>
      <Text style={paragraph}>{t("windowClosing.keep")}</Text>
      <Text style={{ ...paragraph, margin: 0 }}>{t("windowClosing.team", { shopName })}</Text>
    </Layout>
  )
}

/**
 * A calendar day with its weekday, in the email's language: "Tuesday 15
 * December" (en-GB), "dinsdag 15 december". Without the year: the day is at
 * most a few weeks away. Read at noon UTC, so no time zone moves it.
 */
export function formatDay(day: string, i18n: Pick<Translator, "locale">): string {
  return new Intl.DateTimeFormat(i18n.locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`)
  )
}

const box: CSSProperties = {
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
  margin: "0 0 24px",
}

ReturnWindowClosingEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  i18n: sampleI18n,
  // the sample order, delivered on 17 March 2025, under a 30-day policy
  lastDay: "2025-04-16",
  returnableItems: sampleOrder.items,
  returnsPolicy: sampleReturnsPolicy,
} satisfies ReturnWindowClosingEmailProps

export default ReturnWindowClosingEmail
