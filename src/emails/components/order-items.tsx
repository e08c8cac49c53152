import { Column, Img, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import type { EmailOrder } from "../types"
import type { Translator } from "../../i18n"
import { colors, fontFamily, thumbnail } from "./styles"

export interface OrderItemsProps {
  order: EmailOrder
  i18n: Translator
}

/** The price table: one row per line item, then subtotal, shipping, discount, tax and total. */
export function OrderItems({ order, i18n }: OrderItemsProps) {
  const { t } = i18n
  const money = (amount: number) => i18n.money(amount, order.currency_code)

  return (
    <Section data-block="order-items" style={{ margin: "0 0 24px" }}>
      {order.items.map((item) => (
        <Row key={item.id} style={itemRow}>
          {item.thumbnail ? (
            <Column width="80" style={{ ...cell, width: "80px", paddingRight: "16px" }}>
              <Img src={item.thumbnail} alt={item.title} width="64" height="64" style={thumbnail} />
            </Column>
          ) : null}
          <Column style={cell}>
            <Text style={itemTitle}>{item.title}</Text>
            {item.variant_title ? <Text style={detail}>{item.variant_title}</Text> : null}
            <Text style={detail}>
              {item.quantity > 1
                ? t("email.items.quantityEach", { quantity: item.quantity, unitPrice: money(item.unit_price) })
                : t("email.items.quantity", { quantity: item.quantity })}
            </Text>
          </Column>
          <Column align="right" style={{ ...cell, whiteSpace: "nowrap", paddingLeft: "16px" }}>
            <Text style={itemTitle}>{money(item.total)}</Text>
          </Column>
        </Row>
      ))}
      <Row data-skip-in-text="true">
        <Column style={{ height: "12px", lineHeight: "12px", fontSize: "1px" }}>&nbsp;</Column>
      </Row>
      <TotalRow label={t("email.totals.subtotal")} value={money(order.subtotal)} />
      <TotalRow
        label={t("email.totals.shipping")}
        value={order.shipping_total === 0 ? t("email.totals.free") : money(order.shipping_total)}
      />
      {order.discount_total > 0 ? <TotalRow label={t("email.totals.discount")} value={money(-order.discount_total)} /> : null}
      <TotalRow label={t("email.totals.tax")} value={money(order.tax_total)} />
      <TotalRow label={t("email.totals.total")} value={money(order.total)} strong />
    </Section>
  )
}

function TotalRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  const style = strong ? totalStrong : total
  return (
    <Row>
      <Column>
        <Text style={style}>{label}</Text>
      </Column>
      <Column align="right" style={{ whiteSpace: "nowrap" }}>
        <Text style={style}>{value}</Text>
      </Column>
    </Row>
  )
}

const itemRow: CSSProperties = {
  borderBottom: `1px solid ${colors.border}`,
}

// On the cell, not the row's table: Outlook ignores padding on <table>.
const cell: CSSProperties = {
  padding: "12px 0",
  verticalAlign: "top",
}

const itemTitle: CSSProperties = {
  fontFamily,
  fontSize: "15px",
  lineHeight: "22px",
  fontWeight: 600,
  color: colors.text,
  margin: 0,
}

const detail: CSSProperties = {
  fontFamily,
  fontSize: "14px",
  lineHeight: "20px",
  color: colors.muted,
  margin: 0,
}

const total: CSSProperties = {
  fontFamily,
  fontSize: "14px",
  lineHeight: "24px",
  color: colors.muted,
  margin: 0,
}

const totalStrong: CSSProperties = {
  ...total,
  fontSize: "16px",
  fontWeight: 700,
  color: colors.text,
  paddingTop: "4px",
}
