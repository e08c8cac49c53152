import { Column, Heading, Row, Section, Text } from "@react-email/components"
import { AddressBlock } from "./components/address-block"
import { CtaButton } from "./components/button"
import { greetingValues } from "./components/format"
import { Layout } from "./components/layout"
import { OrderItems } from "./components/order-items"
import { ReturnsPolicyBlock } from "./components/returns-policy-block"
import { WithdrawalBlock, type WithdrawalInfoProps } from "./components/withdrawal-block"
import { heading, paragraph, small, subheading } from "./components/styles"
import { sampleBrand, sampleI18n, sampleOrder, sampleReturnsPolicy, sampleStorefrontUrl, sampleWithdrawalInfo } from "./sample-data"
import type { OrderEmailProps, ReturnsPolicyProps } from "./types"

export interface OrderConfirmationEmailProps extends OrderEmailProps {
  /** The returns policy the order was placed under; no block when the shop had none. */
  returnsPolicy?: ReturnsPolicyProps | null
  /** The right of withdrawal and its link, for an order delivered in the EU; no block otherwise. */
  withdrawal?: WithdrawalInfoProps | null
}

/** Sent right after the order is placed: what was ordered, what it cost, where it goes. */
export function OrderConfirmationEmail({ brand, order, storefrontUrl, returnsPolicy, withdrawal, i18n }: OrderConfirmationEmailProps) {
  const { t } = i18n
  return (
    <Layout brand={brand} i18n={i18n} preview={t("confirmation.preview", { orderNumber: order.display_id })}>
      <Heading as="h1" style={heading}>
        {t("confirmation.heading", greetingValues(order))}
      </Heading>
      <Text style={paragraph}>{t("confirmation.intro")}</Text>
      <Section style={{ margin: "0 0 16px" }}>
        <Row>
          <Column>
            <Text style={small}>{t("confirmation.orderNumber")}</Text>
            <Text style={{ ...subheading, margin: 0 }}>{`#${order.display_id}`}</Text>
          </Column>
          <Column align="right">
            <Text style={small}>{t("confirmation.orderDate")}</Text>
            <Text style={{ ...subheading, margin: 0 }}>{i18n.date(order.created_at)}</Text>
          </Column>
        </Row>
      </Section>
      <OrderItems order={order} i18n={i18n} />
      {order.shipping_address ? (
        <AddressBlock title={t("email.address.shippingTo")} address={order.shipping_address} country={i18n.country} />
      ) : null}
      {returnsPolicy ? <ReturnsPolicyBlock policy={returnsPolicy} i18n={i18n} linkColor={brand.primaryColor} /> : null}
      {withdrawal ? <WithdrawalBlock withdrawal={withdrawal} i18n={i18n} linkColor={brand.primaryColor} /> : null}
      <Section style={{ textAlign: "center" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          {t("confirmation.button")}
        </CtaButton>
      </Section>
    </Layout>
  )
}

OrderConfirmationEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  returnsPolicy: sampleReturnsPolicy,
  withdrawal: sampleWithdrawalInfo,
  i18n: sampleI18n,
} satisfies OrderConfirmationEmailProps

export default OrderConfirmationEmail
