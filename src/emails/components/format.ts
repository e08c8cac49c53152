import { countryName } from "../../i18n/format"
import type { EmailAddress, EmailOrder } from "../types"

/** The name to greet the customer by, or null when none is known (the greeting then goes without). */
export function greetingName(order: Pick<EmailOrder, "customer_first_name" | "shipping_address">): string | null {
  return order.customer_first_name?.trim() || order.shipping_address?.first_name?.trim() || null
}

/** The values a greeting message takes: `{hasName, select, yes {, {name}} other {}}`. */
export function greetingValues(order: Pick<EmailOrder, "customer_first_name" | "shipping_address">) {
  const name = greetingName(order)
  return { hasName: name ? "yes" : "no", name: name ?? "" }
}

/** The lines of a postal address, empty parts left out; the country by its name in the email's language. */
export function formatAddressLines(address: EmailAddress, country: (code: string) => string = countryName): string[] {
  const clean = (value: string | null | undefined) => value?.trim() || ""
  const name = [clean(address.first_name), clean(address.last_name)].filter(Boolean).join(" ")
  const cityLine = [clean(address.postal_code), clean(address.city)].filter(Boolean).join(" ")
  const countryCode = clean(address.country_code)
  return [
    name,
    clean(address.company),
    clean(address.address_1),
    clean(address.address_2),
    cityLine,
    clean(address.province),
    countryCode ? country(countryCode) : "",
  ].filter(Boolean)
}
