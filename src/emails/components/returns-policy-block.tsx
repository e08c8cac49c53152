import { Column, Link, Row, Section, Text } from "@react-email/components"
import type { CSSProperties } from "react"
import type { ReturnsPolicyProps } from "../types"
import { colors, paragraph, subheading } from "./styles"

/** Shown until the returns-policy capability supplies the shop's own policy. */
export const RETURNS_POLICY_PLACEHOLDER = "Our returns policy: you can return unused items within 30 days."

export interface ReturnsPolicyBlockProps {
  policy?: ReturnsPolicyProps | null
  /** Colour of the "Read the full policy" link; the brand's primary colour. */
  linkColor?: string
}

/** The shop's returns policy in a bordered box, or a placeholder when none is configured. */
export function ReturnsPolicyBlock({ policy, linkColor = colors.text }: ReturnsPolicyBlockProps) {
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
                Read the full policy
              </Link>
            </Text>
          ) : null}
        </>
      ) : (
        <Text style={{ ...paragraph, margin: 0 }}>{RETURNS_POLICY_PLACEHOLDER}</Text>
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
