import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { POST_PURCHASE_MODULE } from "../modules/post-purchase"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import { canonicalLocale, languageOf } from "."

type OrderLocaleRow = { id: string; locale?: string | null; region_id?: string | null; customer_id?: string | null }

/**
 * The language each order's emails are written in, as a BCP 47 tag: the first
 * of these in a language the plugin writes:
 * 1. the order's own `locale` (Medusa keeps the cart's on the order);
 * 2. the customer's preference, which the plugin stores;
 * 3. the region's default (`i18n.regionLocales`);
 * 4. the shop's default (`i18n.defaultLocale`).
 */
export async function resolveOrderLocales(container: MedusaContainer, orderIds: string[]): Promise<Map<string, string>> {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const { i18n } = service.getOptions()
  const locales = new Map<string, string>()
  if (!orderIds.length) {
    return locales
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "locale", "region_id", "customer_id"],
    filters: { id: [...new Set(orderIds)] },
  })
  const orders = data as OrderLocaleRow[]
  const customerIds = [...new Set(orders.map((o) => o.customer_id).filter((id): id is string => !!id))]
  const preferences = customerIds.length
    ? await service.listCustomerPreferences({ customer_id: customerIds }, { select: ["customer_id", "locale"] })
    : []
  const preferred = new Map(preferences.map((p) => [p.customer_id, p.locale]))
  for (const order of orders) {
    const candidates = [
      order.locale,
      order.customer_id ? preferred.get(order.customer_id) : null,
      order.region_id ? i18n.regionLocales[order.region_id] : null,
    ]
    const written = candidates.map((tag) => canonicalLocale(tag)).find((tag) => tag && languageOf(tag))
    locales.set(order.id, written ?? i18n.defaultLocale)
  }
  return locales
}

/**
 * The language each customer's account emails (a loyalty reward code) are
 * written in, with no order to go by: the customer's stored preference when
 * the plugin writes it, else the shop's default.
 */
export async function resolveCustomerLocales(container: MedusaContainer, customerIds: string[]): Promise<Map<string, string>> {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const { i18n } = service.getOptions()
  const locales = new Map<string, string>()
  const ids = [...new Set(customerIds)]
  if (!ids.length) {
    return locales
  }
  const preferences = await service.listCustomerPreferences({ customer_id: ids }, { select: ["customer_id", "locale"] })
  const preferred = new Map(preferences.map((p) => [p.customer_id, canonicalLocale(p.locale)]))
  for (const id of ids) {
    const tag = preferred.get(id)
    locales.set(id, tag && languageOf(tag) ? tag : i18n.defaultLocale)
  }
  return locales
}
