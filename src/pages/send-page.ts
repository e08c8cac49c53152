import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Sends a hosted page reached through a signed link from an email. The pages
 * carry the token: nothing caches them, no other site frames them, and no
 * link on them passes the address on.
 */
export function sendPage(res: MedusaResponse, status: number, html: string) {
  res
    .status(status)
    .set({
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; form-action 'self'; frame-ancestors 'none'",
    })
    .type("html")
    .send(html)
}
