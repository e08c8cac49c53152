import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { LanguageSelect } from "../components/language-select"
import { StateMessage } from "../components/state-message"
import { errorMessage, useCustomerPreferences, useSetCustomerLocale } from "../lib/api"
import { EMAIL_LANGUAGES, languageLabel } from "../lib/languages"

const NO_PREFERENCE = "none"

/**
 * The language of the customer's emails when their order has none (Medusa's
 * customer has no such field); the storefront sets it too.
 */
const CustomerEmailLanguageWidget = ({ data: customer }: DetailWidgetProps<HttpTypes.AdminCustomer>) => {
  const { data, isPending, isError, error } = useCustomerPreferences(customer.id)
  const setLocale = useSetCustomerLocale(customer.id)

  const change = async (value: string) => {
    try {
      const { preferences } = await setLocale.mutateAsync(value === NO_PREFERENCE ? null : value)
      toast.success(
        preferences.locale
          ? `Emails to this customer are written in ${languageLabel(preferences.locale)} unless an order says otherwise`
          : "No preference: emails follow the order's language, else the region's or the shop's"
      )
    } catch (e) {
      toast.error("Could not change the language", { description: errorMessage(e) })
    }
  }

  return (
    <Container className="flex items-center justify-between gap-x-4 px-6 py-4" data-testid="pp-customer-language">
      <div>
        <Heading level="h2">Email language</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Used when an order has no language of its own.
        </Text>
      </div>
      {isPending ? (
        <StateMessage>Loading…</StateMessage>
      ) : isError ? (
        <StateMessage error>Could not load the language: {errorMessage(error)}</StateMessage>
      ) : (
        <LanguageSelect
          testId="pp-customer-language-select"
          ariaLabel="Email language"
          value={matchingLocale(data.preferences.locale) ?? NO_PREFERENCE}
          onChange={change}
          none={{ value: NO_PREFERENCE, label: "No preference" }}
          disabled={setLocale.isPending}
        />
      )}
    </Container>
  )
}

/** The option for a stored locale (a storefront may have stored nl-BE; the admin's choice for Dutch is nl-NL). */
function matchingLocale(locale: string | null): string | null {
  if (!locale) {
    return null
  }
  const exact = EMAIL_LANGUAGES.find((language) => language.locale === locale)
  return exact?.locale ?? EMAIL_LANGUAGES.find((language) => language.locale.split("-")[0] === locale.split("-")[0])?.locale ?? null
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerEmailLanguageWidget
