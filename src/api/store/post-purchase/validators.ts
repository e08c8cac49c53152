import { z } from "@medusajs/framework/zod"
import { canonicalLocale, languageOf, LANGUAGES } from "../../../i18n"
import { medusaId, textBetween } from "../../utils/input-guards"

/** The consent wording shown next to the checkbox, and the page it was on, kept as proof. */
export const consentStatement = {
  granted: z.boolean({ message: "granted must be true or false" }),
  wording: textBetween("wording", 10, 2000, "must be the exact text shown to the customer"),
}

export const StoreRecordConsent = z
  .object({
    ...consentStatement,
    url: z
      .url({ protocol: /^https?$/, message: "url must be the storefront page's http(s) URL" })
      .max(2048, "url can be at most 2048 characters")
      .optional(),
    /** A guest's checkout: the cart the consent is bound to. */
    cart_id: medusaId("cart_id").optional(),
  })
  .strict()
export type StoreRecordConsentType = z.infer<typeof StoreRecordConsent>

/** A customer's email language: a BCP 47 tag in a language the plugin writes, or null for no preference. */
export const StoreSetPreferences = z
  .object({
    locale: z
      .custom<string | null>(
        (value) => value === null || (typeof value === "string" && !!languageOf(canonicalLocale(value))),
        `locale must be null or a BCP 47 locale in a language the plugin writes (${LANGUAGES.join(", ")}), like nl-NL`
      )
      .transform((value) => (value === null ? null : canonicalLocale(value))),
  })
  .strict()
export type StoreSetPreferencesType = z.infer<typeof StoreSetPreferences>

// The returns policy's public routes: the region (else the store's default) and, for a key with several sales channels, which one
export const StoreReturnPolicyQuery = z
  .object({
    region_id: medusaId("region_id").optional(),
    sales_channel_id: medusaId("sales_channel_id").optional(),
  })
  .strict()
export type StoreReturnPolicyQueryType = z.infer<typeof StoreReturnPolicyQuery>

export const StoreProductParams = z.object({ id: medusaId("id") })
export const StoreOrderParams = z.object({ id: medusaId("id") })
