import type { MedusaContainer } from "@medusajs/framework/types"
import { LANGUAGES } from "../../i18n"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

/** A customer's email preferences, and the languages the plugin writes. */
export async function preferencesView(container: MedusaContainer, customerId: string) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const [preference] = await service.listCustomerPreferences({ customer_id: customerId })
  return {
    customer_id: customerId,
    locale: preference?.locale ?? null,
    default_locale: service.getOptions().i18n.defaultLocale,
    languages: [...LANGUAGES],
  }
}
