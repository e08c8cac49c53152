import { MedusaError } from "@medusajs/framework/utils"
import type { WithdrawalInfoProps } from "../emails/components/withdrawal-block"
import { EU_WITHDRAWAL_DAYS, type WithdrawalException } from "../lib/return-policy"
import { WITHDRAWAL_PATH, withdrawalUrl } from "../lib/withdrawal-link"
import type { PluginOptions } from "../modules/post-purchase/options"
import { orderOf, type FlowContext } from "./types"

/** The withdrawal link of previews and test emails: its token is no signed one, so it withdraws nothing. */
export function previewWithdrawalUrl(options: PluginOptions): string {
  return `${options.backendUrl.replace(/\/+$/, "")}${WITHDRAWAL_PATH}?token=preview`
}

/** Who pays the direct cost of sending items back under the order's terms: the shop when returns are free, else the customer. */
export function returnCosts(returnFee: number | null): { costs: "shop" | "customer"; fee: number | null } {
  return returnFee === 0 ? { costs: "shop", fee: null } : { costs: "customer", fee: returnFee }
}

/**
 * The withdrawal block of an order delivered to an EU country, from the
 * order's return terms (who pays, the items with an Article 16 exception) and
 * a link signed for its buyer in the follow-up's language; null elsewhere.
 */
export function withdrawalInfoProps(context: FlowContext): WithdrawalInfoProps | null {
  const { options, returnTerms, signingKeys, followup, i18n, now, preview } = context
  const order = orderOf(context)
  if (!returnTerms?.eu || !order.email) {
    return null
  }
  if (!preview && !signingKeys?.length) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The confirmation of order ${order.id} needs the signing keys for its withdrawal link`)
  }
  const titles = new Map<string, string>((order.items ?? []).map((item: any) => [item.id, item.product_title ?? item.title]))
  return {
    days: EU_WITHDRAWAL_DAYS,
    url: preview
      ? previewWithdrawalUrl(options)
      : withdrawalUrl({ id: order.id, email: order.email, locale: followup?.locale ?? i18n.locale }, options, signingKeys!, now),
    supportEmail: options.brand.supportEmail ?? null,
    ...returnCosts(returnTerms.return_fee),
    currencyCode: order.currency_code,
    exceptions: returnTerms.items
      .filter((item) => item.withdrawal_exception)
      .map((item) => ({ title: titles.get(item.item_id) ?? "", exception: item.withdrawal_exception as WithdrawalException }))
      .filter((item) => item.title),
  }
}
