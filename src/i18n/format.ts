/** `Intl` formatting for a locale; the translator applies these with the email's locale. */

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

/** The country's name in `locale` for an ISO 3166-1 alpha-2 code; the code itself if unknown. */
export function countryName(countryCode: string, locale = "en"): string {
  const code = countryCode.trim().toUpperCase()
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code
  } catch {
    return code
  }
}


/**
 * Formats an ISO 8601 moment as a date and time on the wall clock of
 * `timeZone`, with the zone's abbreviation, e.g. "26 November 2026 at 14:05 CET".
 */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`formatDateTime: expected an ISO 8601 date, got ${String(iso)}`)
  }
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date)
}
