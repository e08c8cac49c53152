import { z } from "@medusajs/framework/zod"
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
