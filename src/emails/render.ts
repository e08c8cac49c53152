import { MedusaError } from "@medusajs/framework/utils"
import { render, toPlainText } from "@react-email/render"
import type { ReactElement } from "react"

export interface RenderedEmail {
  html: string
  text: string
}

/**
 * Renders an email to HTML once and derives the plain text from that HTML (a
 * second React render would cost several times more). A template that throws
 * rejects, and so does one that renders nothing: an empty mail must never be
 * sent.
 */
export async function renderEmail(element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element)
  const text = toPlainText(html, htmlToTextOptions)

  const body = html.replace(/<!DOCTYPE[^>]*>/i, "").trim()
  if (!body || !text.trim()) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The email template ${templateName(element)} rendered an empty email`
    )
  }
  return { html, text }
}

// html-to-text shouts headings in capitals by default; a thank-you should not.
const htmlToTextOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
}

function templateName(element: ReactElement): string {
  const type = element.type
  if (typeof type === "string") {
    return type
  }
  return (type as { displayName?: string; name?: string }).displayName || type.name || "(anonymous)"
}
