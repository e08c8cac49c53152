import type { MedusaContainer } from "@medusajs/framework/types"
import { applyTranslations, FeatureFlag, Modules } from "@medusajs/framework/utils"
import { canonicalLocale } from "."

export type TranslatableItem = {
  product_id?: string | null
  variant_id?: string | null
  product_title?: string | null
  variant_title?: string | null
  title?: string | null
}

/** Whether the shop runs Medusa's Translation module (behind MEDUSA_FF_TRANSLATION in 2.21, and registered). */
export function translationsAvailable(container: MedusaContainer): boolean {
  return FeatureFlag.isFeatureEnabled("translation") && container.hasRegistration(Modules.TRANSLATION)
}

/**
 * An order's items with their product and variant titles in `locale`, from
 * Medusa's Translation module. Items of an order placed in that locale carry
 * them already (Medusa translates them when they are added to the cart); this
 * is for an email in another language than the order's, e.g. the customer's
 * preference. Without the module, or without a translation, the titles stay.
 */
export async function translateOrderItems<Item extends TranslatableItem>(
  container: MedusaContainer,
  order: { locale?: string | null; items?: Item[] | null },
  locale: string | null
): Promise<Item[]> {
  const items = order.items ?? []
  const wanted = canonicalLocale(locale)
  if (!wanted || !items.length || wanted === canonicalLocale(order.locale) || !translationsAvailable(container)) {
    return items
  }
  // applyTranslations matches by id, so the product and the variant stand in for each item
  const rows = items.map((item) => ({
    item,
    product: item.product_id ? { id: item.product_id, title: item.product_title ?? item.title ?? "" } : null,
    variant: item.variant_id ? { id: item.variant_id, title: item.variant_title ?? "" } : null,
  }))
  await applyTranslations({
    localeCode: wanted,
    objects: rows.flatMap((row) => [row.product, row.variant]).filter((o): o is { id: string; title: string } => !!o),
    container,
  })
  return rows.map(({ item, product, variant }) => ({
    ...item,
    product_title: product?.title || item.product_title,
    variant_title: item.variant_title ? variant?.title || item.variant_title : item.variant_title,
  }))
}
