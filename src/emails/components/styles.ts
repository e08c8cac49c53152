import type { CSSProperties } from "react"

/** System fonts only: web fonts are dropped by Outlook and most of Gmail. */
export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

export const colors = {
  text: "#1f2937",
  muted: "#6b7280",
  border: "#e5e7eb",
  background: "#f4f4f5",
  surface: "#ffffff",
}

export const heading: CSSProperties = {
  fontFamily,
  fontSize: "24px",
  lineHeight: "32px",
  fontWeight: 700,
  color: colors.text,
  margin: "0 0 16px",
}

export const subheading: CSSProperties = {
  fontFamily,
  fontSize: "16px",
  lineHeight: "24px",
  fontWeight: 600,
  color: colors.text,
  margin: "0 0 8px",
}

export const paragraph: CSSProperties = {
  fontFamily,
  fontSize: "16px",
  lineHeight: "24px",
  color: colors.text,
  margin: "0 0 16px",
}

export const small: CSSProperties = {
  fontFamily,
  fontSize: "14px",
  lineHeight: "20px",
  color: colors.muted,
  margin: "0",
}

/** A product's picture next to its line: 64 px square, cropped to fill. */
export const thumbnail: CSSProperties = {
  display: "block",
  width: "64px",
  height: "64px",
  objectFit: "cover",
  borderRadius: "6px",
  border: `1px solid ${colors.border}`,
}
