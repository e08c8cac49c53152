import { Button } from "@react-email/components"
import type { ReactNode } from "react"
import { fontFamily } from "./styles"

export interface CtaButtonProps {
  href: string
  /** The brand's primary colour; the label is white, so it should be dark enough. */
  color: string
  children: ReactNode
}

/** The one call to action of an email, in the brand's colour. */
export function CtaButton({ href, color, children }: CtaButtonProps) {
  return (
    <Button
      href={href}
      style={{
        backgroundColor: color,
        color: "#ffffff",
        fontFamily,
        fontSize: "16px",
        fontWeight: 600,
        lineHeight: "24px",
        textDecoration: "none",
        textAlign: "center",
        borderRadius: "6px",
        padding: "12px 24px",
        display: "inline-block",
      }}
    >
      {children}
    </Button>
  )
}
