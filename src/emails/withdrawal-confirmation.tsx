import { Column, Heading, Row, Section, Text } from "@react-email/components"
import { Fragment, type CSSProperties } from "react"
import { formatDateTime } from "../i18n/format"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { colors, paragraph, heading, small, subheading } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleStorefrontUrl } from "./sample-data"
import type { OrderEmailProps } from "./types"

/** A withdrawal as its acknowledgement states it. */
export interface WithdrawalAcknowledged {
  /** The name and email the customer stated. */
  name: string
  email: string
  /** When the shop received it, ISO 8601. */
  withdrawnAt: string
  /** The shop's IANA time zone, whose wall clock the date and time are written on. */
  timeZone: string
  items: { title: string; variant_title: string | null; quantity: number }[]
}

/** What the customer does next, from the order's returns-policy version. */
export interface WithdrawalNextSteps {
  methods: ("mail" | "in_store")[]
  /** Who pays the direct cost of sending the items back. */
  costs: "shop" | "customer"
  /** What that costs the customer, in the order's currency, when the policy names a fee. */
  fee: number | null
  currencyCode: string
  /** Where the items go, one line per part; null when the shop's return location has no address. */
  returnAddress: string[] | null
}

export interface WithdrawalConfirmationEmailProps extends OrderEmailProps {
  withdrawal: WithdrawalAcknowledged
  nextSteps: WithdrawalNextSteps
}

/**
 * The acknowledgement of a withdrawal, sent at once (Article 11a): what was
 * withdrawn, when (date and time on the shop's clock), by whom, and what
 * happens next: how to send the items back, who pays, the refund.
 */
export function WithdrawalConfirmationEmail({ brand, order, storefrontUrl, withdrawal, nextSteps, i18n }: WithdrawalConfirmationEmailProps) {
  const { t } = i18n
  const line = { ...paragraph, margin: "0 0 8px" }
  const methods = nextSteps.methods.length === 1 ? nextSteps.methods[0] : "both"
  const costs =
    nextSteps.costs === "shop"
      ? t("withdrawalConfirmation.costs.shop")
      : nextSteps.fee
        ? t("withdrawalConfirmation.costs.customerFee", { fee: i18n.money(nextSteps.fee, nextSteps.currencyCode) })
        : t("withdrawalConfirmation.costs.customer")
  return (
    <Layout brand={brand} i18n={i18n} preview={t("withdrawalConfirmation.preview", { orderNumber: order.display_id })}>
      <Heading as="h1" style={heading}>
        {t("withdrawalConfirmation.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("withdrawalConfirmation.intro", { orderNumber: order.display_id })}</Text>
      <Text style={{ ...paragraph, fontWeight: 600 }} data-block="withdrawn-at">
        {t("withdrawalConfirmation.receivedAt", { dateTime: formatDateTime(withdrawal.withdrawnAt, i18n.locale, withdrawal.timeZone) })}
      </Text>
      <Section data-block="withdrawn-items" style={box}>
        <Row>
          <Column style={{ padding: "16px 20px" }}>
            <Text style={subheading}>{t("withdrawalConfirmation.items")}</Text>
            {withdrawal.items.map((item, index) => (
              <Text key={index} style={line}>
                {t("withdrawal.itemLine", { quantity: item.quantity, title: item.title })}
                {item.variant_title ? <span style={{ color: colors.muted }}>{` · ${item.variant_title}`}</span> : null}
              </Text>
            ))}
            <Text style={{ ...small, margin: "8px 0 0" }}>{t("withdrawalConfirmation.statedBy", { name: withdrawal.name, email: withdrawal.email })}</Text>
          </Column>
        </Row>
      </Section>
      <Section data-block="next-steps" style={{ margin: "0 0 24px" }}>
        <Text style={subheading}>{t("withdrawalConfirmation.nextSteps")}</Text>
        <Text style={line}>{t("withdrawalConfirmation.sendBack", { methods })}</Text>
        {nextSteps.returnAddress?.length && methods !== "in_store" ? (
          <Text style={line}>
            {t("withdrawalConfirmation.address")}
            {nextSteps.returnAddress.map((part, index) => (
              <Fragment key={index}>
                <br />
                {part}
              </Fragment>
            ))}
          </Text>
        ) : null}
        <Text style={line}>{costs}</Text>
        <Text style={{ ...paragraph, margin: 0 }}>{t("withdrawalConfirmation.refund")}</Text>
      </Section>
      <Section style={{ textAlign: "center" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          {t("withdrawalConfirmation.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

const box: CSSProperties = {
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
  margin: "0 0 24px",
}

WithdrawalConfirmationEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  i18n: sampleI18n,
  withdrawal: {
    name: "Anna de Vries",
    email: sampleOrder.email,
    withdrawnAt: "2025-03-20T13:05:00.000Z",
    timeZone: "Europe/Amsterdam",
    items: sampleOrder.items.slice(0, 2).map((item) => ({ title: item.title, variant_title: item.variant_title, quantity: item.quantity })),
  },
  nextSteps: {
    methods: ["mail", "in_store"],
    costs: "customer",
    fee: 4.95,
    currencyCode: "eur",
    returnAddress: ["Acme Outfitters returns", "Keizersgracht 123", "1015 CJ Amsterdam", "Netherlands"],
  },
} satisfies WithdrawalConfirmationEmailProps

export default WithdrawalConfirmationEmail
