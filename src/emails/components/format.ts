import type { EmailAddress, EmailOrder } from "../types"

/**
 * Formats an amount that is already in the currency's main unit (Medusa v2),
 * so 19.5 EUR is "€19.50" and 1500 JPY is "¥1,500".
 * Throws on a non-finite amount: a mail showing "€NaN" must not be sent.
 */
export function formatMoney(amount: number, currencyCode: string, locale = "en-US"): string {
  if (typeof amount !== "number" || !Number.isFinite(amount)) {
    throw new TypeError(`formatMoney: expected a finite amount, got ${String(amount)}`)
  }
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)
}

/**
 * Formats an ISO 8601 date as e.g. "March 14, 2025". UTC by default, so the
 * same order shows the same date wherever the mail is rendered.
 */
export function formatDate(iso: string, locale = "en-US", timeZone = "UTC"): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`formatDate: expected an ISO 8601 date, got ${String(iso)}`)
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date)
}

/** The name to greet the customer by, or "there" ("Thanks, there!") when none is known. */
export function greetingName(order: Pick<EmailOrder, "customer_first_name" | "shipping_address">): string {
  return (
    order.customer_first_name?.trim() ||
    order.shipping_address?.first_name?.trim() ||
    "there"
  )
}

/** The country's English name for an ISO 3166-1 alpha-2 code; the code itself if unknown. */
export function countryName(countryCode: string, locale = "en"): string {
  const code = countryCode.trim().toUpperCase()
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code
  } catch {
    return code
  }
}

/** The lines of a postal address, empty parts left out. */
export function formatAddressLines(address: EmailAddress): string[] {
  const clean = (value: string | null | undefined) => value?.trim() || ""
  const name = [clean(address.first_name), clean(address.last_name)].filter(Boolean).join(" ")
  const cityLine = [clean(address.postal_code), clean(address.city)].filter(Boolean).join(" ")
  const country = clean(address.country_code)
  return [
    name,
    clean(address.company),
    clean(address.address_1),
    clean(address.address_2),
    cityLine,
    clean(address.province),
    country ? countryName(country) : "",
  ].filter(Boolean)
}
