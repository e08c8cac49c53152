import { Link, Text } from "@react-email/components"
import type { Translator } from "../../i18n"
import type { WithdrawalException } from "../../lib/return-policy"
import { BorderedBox } from "./bordered-box"
import { colors, paragraph, subheading } from "./styles"

/** What an EU order's confirmation says about the right of withdrawal: it is the durable medium the law asks for. */
export interface WithdrawalInfoProps {
  /** The statutory withdrawal period in days, counted from delivery. */
  days: number
  /** The signed link to the withdrawal function. */
  url: string
  /** Where a withdrawal stated by email goes: the shop's support address, when it has one. */
  supportEmail: string | null
  /** Who pays the direct cost of sending items back: the shop (free returns) or the customer. */
  costs: "shop" | "customer"
  /** What it costs the customer, in the order's currency, when the policy names a fee. */
  fee: number | null
  currencyCode: string
  /** The order's items with an Article 16 exception: no right of withdrawal. */
  exceptions: { title: string; exception: WithdrawalException }[]
}

export interface WithdrawalBlockProps {
  withdrawal: WithdrawalInfoProps
  i18n: Translator
  /** Colour of the withdrawal link; the brand's primary colour. */
  linkColor?: string
}

/**
 * The right of withdrawal, in a bordered box: 14 days from delivery without
 * giving a reason, how to withdraw (the link, or a statement by email), who
 * pays for sending items back, the items it does not apply to, and the link
 * labelled "Withdraw from contract here" (Article 11a).
 */
export function WithdrawalBlock({ withdrawal, i18n, linkColor = colors.text }: WithdrawalBlockProps) {
  const { t } = i18n
  const line = { ...paragraph, margin: "0 0 8px" }
  const costs =
    withdrawal.costs === "shop"
      ? t("email.withdrawal.costs.shop")
      : withdrawal.fee
        ? t("email.withdrawal.costs.customerFee", { fee: i18n.money(withdrawal.fee, withdrawal.currencyCode) })
        : t("email.withdrawal.costs.customer")
  return (
    <BorderedBox block="withdrawal">
      <Text style={subheading}>{t("email.withdrawal.heading")}</Text>
      <Text style={line}>{t("email.withdrawal.right", { days: withdrawal.days })}</Text>
      <Text style={line}>
        {withdrawal.supportEmail ? t("email.withdrawal.howEmail", { email: withdrawal.supportEmail }) : t("email.withdrawal.how")}
      </Text>
      <Text style={line}>{costs}</Text>
      {withdrawal.exceptions.length ? (
        <Text style={line}>
          {t("email.withdrawal.exceptions", {
            items: i18n.list(
              withdrawal.exceptions.map(({ title, exception }) =>
                t("email.withdrawal.exceptionItem", { title, exception: t(`withdrawal.exception.${exception}`) })
              ),
              "conjunction"
            ),
          })}
        </Text>
      ) : null}
      <Text style={{ ...paragraph, margin: "8px 0 0" }}>
        <Link href={withdrawal.url} data-link="withdrawal" style={{ color: linkColor, fontWeight: 600, textDecoration: "underline" }}>
          {t("withdrawal.link")}
        </Link>
      </Text>
    </BorderedBox>
  )
}
