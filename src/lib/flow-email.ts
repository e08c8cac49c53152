import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { DISPATCH_ORDER_FIELDS, renderFlowEmail, type CopyFields, type FlowDefinition, type LoadedOrder } from "../flows"
import { languageOf, translator } from "../i18n"
import { translateOrderItems, type TranslatableItem } from "../i18n/translate-items"
import { copyKey, POST_PURCHASE_MODULE } from "../modules/post-purchase"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import { loadOrderReturnTerms } from "./return-terms"
import { UNSUBSCRIBE_PATH } from "./unsubscribe"

export type FlowEmailRequest = {
  /** The language to write in; else the order's, else the shop's default. */
  locale?: string | null
  /** One of the shop's orders to fill the email with; sample data without one. */
  orderId?: string | null
  /** Unsaved copy to show instead of the saved copy (a draft in the editor). */
  copy?: CopyFields
}

/**
 * A flow's email as the admin sees it before it goes out: in the preview and
 * as a test email. Filled with sample data or one of the shop's orders, in
 * the language asked for, with the saved copy (or a draft) in place.
 */
export async function renderFlowEmailFor(container: MedusaContainer, flow: FlowDefinition, request: FlowEmailRequest) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const options = service.getOptions()
  const fallback = options.i18n.defaultLocale
  // an email about the customer's account is about no order: it shows its sample account whichever order was picked
  const order = request.orderId && flow.about !== "account" ? await loadOrder(container, request.orderId) : null
  const i18n = translator(request.locale ?? order?.locale ?? fallback, { fallbackLanguage: languageOf(fallback) ?? "en" })

  let props: any
  if (order) {
    const items = await translateOrderItems(container, order as { locale?: string | null; items?: TranslatableItem[] }, i18n.locale)
    const returnTerms = flow.needsReturnTerms ? (await loadOrderReturnTerms(container, [order.id])).get(order.id) : undefined
    props = flow.buildProps({ order: { ...order, items }, options, brand: options.brand, i18n, returnTerms, preview: true })
    if (flow.category === "marketing") {
      // a link that unsubscribes nobody: the test's address is not a customer
      props.unsubscribeUrl = `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`
    }
  } else {
    props = flow.previewProps(options.brand, options, i18n)
  }
  const copy = request.copy ?? (await service.currentCopy([flow.key])).get(copyKey(flow.key, i18n.language)) ?? {}
  return { locale: i18n.locale, language: i18n.language, order, ...(await renderFlowEmail(flow, props, copy)) }
}

async function loadOrder(container: MedusaContainer, orderId: string): Promise<LoadedOrder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [...new Set([...DISPATCH_ORDER_FIELDS, "id", "status", "email", "locale"])],
    filters: { id: orderId },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id "${orderId}" was not found`)
  }
  return data[0] as LoadedOrder
}
