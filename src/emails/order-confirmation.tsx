import { Column, Heading, Row, Section, Text } from "@react-email/components"
import { AddressBlock } from "./components/address-block"
import { CtaButton } from "./components/button"
import { formatDate, greetingName } from "./components/format"
import { Layout } from "./components/layout"
import { OrderItems } from "./components/order-items"
import { ReturnsPolicyBlock } from "./components/returns-policy-block"
import { heading, paragraph, small, subheading } from "./components/styles"
import { sampleBrand, sampleOrder, sampleStorefrontUrl } from "./sample-data"
import type { OrderEmailProps, ReturnsPolicyProps } from "./types"

export interface OrderConfirmationEmailProps extends OrderEmailProps {
  /** The shop's returns policy; a placeholder is shown until the returns-policy capability supplies it. */
  returnsPolicy?: ReturnsPolicyProps | null
}

/** Sent right after the order is placed: what was ordered, what it cost, where it goes. */
export function OrderConfirmationEmail({ brand, order, storefrontUrl, returnsPolicy }: OrderConfirmationEmailProps) {
  return (
    <Layout brand={brand} preview={`Order #${order.display_id} is confirmed`}>
      <Heading as="h1" style={heading}>
        {`Thanks for your order, ${greetingName(order)}!`}
      </Heading>
      <Text style={paragraph}>
        {"We’ve received your order and are getting it ready. Here’s a summary for your records."}
      </Text>
      <Section style={{ margin: "0 0 16px" }}>
        <Row>
          <Column>
            <Text style={small}>Order number</Text>
            <Text style={{ ...subheading, margin: 0 }}>{`#${order.display_id}`}</Text>
          </Column>
          <Column align="right">
            <Text style={small}>Order date</Text>
            <Text style={{ ...subheading, margin: 0 }}>{formatDate(order.created_at)}</Text>
          </Column>
        </Row>
      </Section>
      <OrderItems order={order} />
      {order.shipping_address ? <AddressBlock title="Shipping to" address={order.shipping_address} /> : null}
      <ReturnsPolicyBlock policy={returnsPolicy} linkColor={brand.primaryColor} />
      <Section style={{ textAlign: "center" }}>
        <CtaButton href={storefrontUrl} color={brand.primaryColor}>
          Visit the shop
        </CtaButton>
      </Section>
    </Layout>
  )
}

OrderConfirmationEmail.PreviewProps = {
  brand: sampleBrand,
  order: sampleOrder,
  storefrontUrl: sampleStorefrontUrl,
  returnsPolicy: null,
} satisfies OrderConfirmationEmailProps

export default OrderConfirmationEmail
