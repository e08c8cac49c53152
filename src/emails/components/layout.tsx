import { Body, Column, Container, Head, Hr, Html, Img, Preview, Row, Section, Text } from "@react-email/components"
import type { CSSProperties, ReactNode } from "react"
import type { Translator } from "../../i18n"
import type { BrandProps } from "../types"
import { Footer } from "./footer"
import { colors, fontFamily } from "./styles"

export interface LayoutProps {
  brand: BrandProps
  i18n: Translator
  /** The line inbox lists show after the subject. */
  preview: string
  unsubscribeUrl?: string | null
  children: ReactNode
}

// Paddings sit on table cells (Column), not on tables: Outlook ignores padding on <table>.

/** The frame every email shares: logo header, brand rule, content and footer, 600px wide. */
export function Layout({ brand, i18n, preview, unsubscribeUrl, children }: LayoutProps) {
  return (
    <Html lang={i18n.locale} dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Section>
            <Row>
              <Column style={header}>
                {brand.logoUrl ? (
                  <Img src={brand.logoUrl} alt={brand.name} height="40" style={{ display: "block", height: "40px" }} />
                ) : (
                  <Text style={brandName}>{brand.name}</Text>
                )}
              </Column>
            </Row>
          </Section>
          <Hr style={{ ...rule, borderTop: `3px solid ${brand.primaryColor}` }} />
          <Section>
            <Row>
              <Column style={content}>{children}</Column>
            </Row>
          </Section>
          <Footer brand={brand} i18n={i18n} unsubscribeUrl={unsubscribeUrl} />
        </Container>
      </Body>
    </Html>
  )
}

const body: CSSProperties = {
  backgroundColor: colors.background,
  fontFamily,
  margin: 0,
  padding: "24px 0",
}

const container: CSSProperties = {
  backgroundColor: colors.surface,
  maxWidth: "600px",
  width: "100%",
  margin: "0 auto",
  border: `1px solid ${colors.border}`,
  borderRadius: "8px",
}

const header: CSSProperties = {
  padding: "24px 32px 16px",
}

const brandName: CSSProperties = {
  fontFamily,
  fontSize: "20px",
  lineHeight: "28px",
  fontWeight: 700,
  color: colors.text,
  margin: 0,
}

const rule: CSSProperties = {
  border: "none",
  margin: 0,
  width: "100%",
}

const content: CSSProperties = {
  padding: "32px",
}
