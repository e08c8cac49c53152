import { Column, Link, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import type { Translator } from "../../i18n"
import type { ReturnsPolicyProps } from "../types"
import { colors, paragraph, subheading } from "./styles"

export interface ReturnsPolicyBlockProps {
  policy?: ReturnsPolicyProps | null
  i18n: Translator
  /** Colour of the "Read the full policy" link; the brand's primary colour. */
  linkColor?: string
}

/** The shop's returns policy in a bordered box, or a placeholder when none is configured. */
export function ReturnsPolicyBlock({ policy, i18n, linkColor = colors.text }: ReturnsPolicyBlockProps) {
  return (
    <Section data-block="returns-policy" style={box}>
      <Row>
        <Column style={{ padding: "16px 20px" }}>
      {policy ? (
        <>
          <Text style={subheading}>{policy.title}</Text>
          <Text style={{ ...paragraph, margin: 0 }}>{policy.summary}</Text>
          {policy.url ? (
            <Text style={{ ...paragraph, margin: "8px 0 0" }}>
              <Link href={policy.url} style={{ color: linkColor, textDecoration: "underline" }}>
                {i18n.t("email.returnsPolicy.readMore")}
              </Link>
            </Text>
          ) : null}
        </>
      ) : (
        <Text style={{ ...paragraph, margin: 0 }}>{i18n.t("email.returnsPolicy.placeholder")}</Text>
      )}
        </Column>
      </Row>
    </Section>
  )
}

const box: CSSProperties = {
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
  margin: "0 0 24px",
}
