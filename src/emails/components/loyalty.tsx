import { Section, Text } from "@react-email/components"
import type { ReactNode } from "react"
import { colors } from "./styles"

/** `{hasName, name}` for a catalog greeting, from the member's first name. */
export function memberGreeting(customer: { first_name: string | null }) {
  const name = customer.first_name?.trim() || ""
  return { hasName: name ? "yes" : "no", name }
}

/** The one figure a loyalty email is about (points, a code), large and centred in a tinted box. */
export function LoyaltyHighlight({ label, children, color }: { label?: string; children: ReactNode; color: string }) {
  return (
    <Section
      data-block="loyalty-highlight"
      style={{ margin: "8px 0 24px", padding: "20px 16px", border: `1px solid ${colors.border}`, borderRadius: "8px", textAlign: "center" }}
    >
      {label ? <Text style={{ margin: "0 0 8px", fontSize: "14px", lineHeight: "20px", color: colors.muted }}>{label}</Text> : null}
      <Text style={{ margin: 0, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color }}>{children}</Text>
    </Section>
  )
}
