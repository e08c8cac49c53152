import { Link, Text } from "@react-email/components"
import type { Translator } from "../../i18n"
import type { ReturnsPolicyProps } from "../types"
import { BorderedBox } from "./bordered-box"
import { colors, paragraph, subheading } from "./styles"

export interface ReturnsPolicyBlockProps {
  policy: ReturnsPolicyProps
  i18n: Translator
  /** Colour of the "Read the full policy" link; the brand's primary colour. */
  linkColor?: string
}

/** The returns policy the order was placed under, in a bordered box: the window, the fee, how to send items back, the refund. */
export function ReturnsPolicyBlock({ policy, i18n, linkColor = colors.text }: ReturnsPolicyBlockProps) {
  const { t } = i18n
  const line = { ...paragraph, margin: "0 0 8px" }
  const takesBack = policy.windowDays > 0
  return (
    <BorderedBox block="returns-policy">
      <Text style={subheading}>{t("email.returnsPolicy.heading")}</Text>
      <Text style={line}>{t("email.returnsPolicy.window", { days: policy.windowDays })}</Text>
      {takesBack && policy.fee !== null ? (
        <Text style={line}>
          {policy.fee === 0
            ? t("email.returnsPolicy.free")
            : t("email.returnsPolicy.fee", { fee: i18n.money(policy.fee, policy.currencyCode) })}
        </Text>
      ) : null}
      {takesBack ? (
        <Text style={line}>
          {t("email.returnsPolicy.methods", { methods: policy.methods.length === 1 ? policy.methods[0] : "both" })}{" "}
          {t("email.returnsPolicy.refund", {
            how: i18n.list(policy.refundMethods.map((method) => t(`email.returnsPolicy.refund.${method}`)), "disjunction"),
            days: policy.refundDays,
          })}
        </Text>
      ) : null}
      {takesBack && policy.conditions.length ? (
        <Text style={line}>
          {t("email.returnsPolicy.conditions")}
          {policy.conditions.map((condition, index) => (
            <span key={index}>
              <br />
              {`• ${condition}`}
            </span>
          ))}
        </Text>
      ) : null}
      {policy.notReturnable.length ? (
        <Text style={line}>{t("email.returnsPolicy.notReturnable", { items: i18n.list(policy.notReturnable, "conjunction") })}</Text>
      ) : null}
      {policy.url ? (
        <Text style={{ ...paragraph, margin: 0 }}>
          <Link href={policy.url} style={{ color: linkColor, textDecoration: "underline" }}>
            {t("email.returnsPolicy.readMore")}
          </Link>
        </Text>
      ) : null}
    </BorderedBox>
  )
}
