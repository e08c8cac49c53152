import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createElement } from "react"
import type { ReturnsPolicyProps } from "../../../../../emails/types"
import { renderEmail } from "../../../../../emails/render"
import { ReturnsPolicyPreview } from "../../../../../emails/returns-policy-preview"
import { languageOf, translator } from "../../../../../i18n"
import { returnFee, type PolicyScope, type ReturnPolicyTerms } from "../../../../../lib/return-policy"
import { POST_PURCHASE_MODULE } from "../../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../../modules/post-purchase/service"
import type { AdminPreviewReturnPolicyType } from "../../validators"

/**
 * The returns-policy block of the order confirmation, written with draft
 * terms in `locale`: what the admin's drawer shows while the policy is
 * edited. Nothing is saved; terms a save would refuse for their shape are a
 * 400 naming the field.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewReturnPolicyType>, res: MedusaResponse) => {
  const { scope, scope_id, locale, ...terms } = req.validatedBody
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const options = service.getOptions()
  const fallback = options.i18n.defaultLocale
  const i18n = translator(locale ?? fallback, { fallbackLanguage: languageOf(fallback) ?? "en" })
  const currencyCode = await previewCurrency(req.scope, scope, scope_id ?? null, terms)

  const { html } = await renderEmail(
    createElement(ReturnsPolicyPreview, { brand: options.brand, policy: draftPolicyProps(terms, currencyCode), i18n })
  )
  res.json({ locale: i18n.locale, currency_code: currencyCode || null, html })
}

/**
 * The block's props as `returnsPolicyProps` builds them for an order, from
 * terms alone: no order, so no item is listed as not returnable.
 */
function draftPolicyProps(terms: ReturnPolicyTerms, currencyCode: string): ReturnsPolicyProps {
  return {
    windowDays: terms.window_days,
    fee: returnFee(terms, currencyCode),
    currencyCode,
    methods: terms.return_methods,
    refundMethods: terms.refund_methods,
    refundDays: terms.refund_days,
    conditions: terms.conditions,
    notReturnable: [],
    url: terms.policy_url,
  }
}

/**
 * The currency an order in the scope would be in: the region's, or for the
 * store and a sales channel the store's currencies (the default first). Of
 * those, the first the draft names a fee in, so the fee the admin is typing
 * shows; the first of the scope otherwise.
 */
async function previewCurrency(
  container: { resolve: (key: string) => any },
  scope: PolicyScope,
  scopeId: string | null,
  terms: ReturnPolicyTerms
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let currencies: string[]
  if (scope === "region") {
    const { data: regions } = await query.graph({ entity: "region", fields: ["currency_code"], filters: { id: scopeId! } })
    if (!regions.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `scope_id: no region ${scopeId}`)
    }
    currencies = [regions[0].currency_code]
  } else {
    const [{ data: stores }, { data: regions }] = await Promise.all([
      query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] }),
      query.graph({ entity: "region", fields: ["currency_code"] }),
    ])
    const supported = ((stores[0]?.supported_currencies ?? []) as { currency_code: string; is_default?: boolean }[])
      .slice()
      .sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default))
      .map((c) => c.currency_code)
    currencies = [...new Set([...supported, ...(regions as { currency_code: string }[]).map((r) => r.currency_code)])]
  }
  const named = currencies.find((code) => terms.return_fees.some((fee) => fee.currency_code === code))
  // a store without currencies: the fee only shows when it is in one the draft names
  return named ?? currencies[0] ?? terms.return_fees[0]?.currency_code ?? ""
}
