import { Column, Link, Row, Section, Text } from "@react-email/components"
import type { CSSProperties, ReactNode } from "react"
import type { Translator } from "../../i18n"
import type { BrandProps } from "../types"
import { colors, fontFamily } from "./styles"

export interface FooterProps {
  brand: BrandProps
  i18n: Translator
  /** Marketing email must carry one; transactional email leaves it out. */
  unsubscribeUrl?: string | null
}

/** Support, newsletter, social links and the shop's postal address. */
export function Footer({ brand, i18n, unsubscribeUrl }: FooterProps) {
  const { t } = i18n
  const support: ReactNode[] = []
  if (brand.supportEmail) {
    support.push(
      <Link key="email" href={`mailto:${brand.supportEmail}`} style={link}>
        {brand.supportEmail}
      </Link>
    )
  }
  if (brand.supportUrl) {
    support.push(
      <Link key="url" href={brand.supportUrl} style={link}>
        {t("email.footer.helpCentre")}
      </Link>
    )
  }

  return (
    <Section style={footer} data-block="footer">
      <Row>
        <Column style={footerCell}>
      {support.length > 0 ? (
        <Text style={text}>
          {t("email.footer.questions")}
          {joinWith(support, " · ")}
        </Text>
      ) : null}
      {brand.newsletterUrl ? (
        <Text style={text}>
          {t("email.footer.newsletter")}
          <Link href={brand.newsletterUrl} style={link}>
            {t("email.footer.newsletterLink")}
          </Link>
        </Text>
      ) : null}
      {brand.social.length > 0 ? (
        <Text style={text}>
          {joinWith(
            brand.social.map((social) => (
              <Link key={social.url} href={social.url} style={link}>
                {social.label}
              </Link>
            )),
            " · "
          )}
        </Text>
      ) : null}
      <Text style={text}>
        <strong>{brand.name}</strong>
        {brand.address ? ` · ${brand.address}` : null}
      </Text>
      {unsubscribeUrl ? (
        <Text style={text}>
          <Link href={unsubscribeUrl} style={link}>
            {t("email.footer.unsubscribe")}
          </Link>
        </Text>
      ) : null}
        </Column>
      </Row>
    </Section>
  )
}

function joinWith(nodes: ReactNode[], separator: string): ReactNode[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [separator, node]))
}

const footer: CSSProperties = {
  borderTop: `1px solid ${colors.border}`,
}

const footerCell: CSSProperties = {
  padding: "24px 32px 32px",
  textAlign: "center",
}

const text: CSSProperties = {
  fontFamily,
  fontSize: "13px",
  lineHeight: "20px",
  color: colors.muted,
  margin: "0 0 8px",
}

const link: CSSProperties = {
  color: colors.muted,
  textDecoration: "underline",
}
