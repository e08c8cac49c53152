import { Column, Row, Section } from "@react-email/components"
import type { CSSProperties, ReactNode } from "react"
import { colors } from "./styles"

/** A bordered, padded box that sets a block of terms apart in an email (returns policy, right of withdrawal). */
export function BorderedBox({ block, children }: { block: string; children: ReactNode }) {
  return (
    <Section data-block={block} style={box}>
      <Row>
        <Column style={{ padding: "16px 20px" }}>{children}</Column>
      </Row>
    </Section>
  )
}

const box: CSSProperties = {
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
  margin: "0 0 24px",
}
