import { MedusaError } from "@medusajs/framework/utils"
import { translator } from "../../i18n"
import { loadWithdrawalOrder, notWithdrawableText, type WithdrawalOrder } from "../../lib/withdrawal"
import { readWithdrawalToken } from "../../lib/withdrawal-link"
import { POST_PURCHASE_MODULE, type WithdrawalDTO } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

/**
 * The order a Store API withdrawal is about: the one the link's token names,
 * or a signed-in customer's own order. A bad token is a 400 naming `token`;
 * someone else's order is a 404, as if there were none.
 */
export async function withdrawalOrderFor(
  scope: { resolve: (key: string) => any },
  { token, order_id, customer_id }: { token?: string; order_id?: string; customer_id?: string | null }
): Promise<WithdrawalOrder> {
  let orderId: string
  if (token) {
    const service: PostPurchaseModuleService = scope.resolve(POST_PURCHASE_MODULE)
    const read = readWithdrawalToken(token, service.getSigningKeys())
    if (!read.valid) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        read.reason === "expired"
          ? "token: the withdrawal link has expired"
          : read.reason === "wrong purpose"
            ? "token: this is not a withdrawal link's token"
            : "token: the withdrawal link is incomplete or was changed"
      )
    }
    orderId = read.order_id
  } else if (order_id) {
    if (!customer_id) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to withdraw from an order by its order_id, or give the withdrawal link's token")
    }
    orderId = order_id
  } else {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token is required: the token of the withdrawal link (or sign in and give order_id)")
  }
  const order = await loadWithdrawalOrder(scope, orderId)
  if (!order || (!token && order.customer_id !== customer_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  return order
}

/** What a storefront shows to let its customer withdraw: each item, how many can be withdrawn and until when, or why not. */
export function withdrawableOrderView(order: WithdrawalOrder, withdrawals: WithdrawalDTO[]) {
  const english = translator("en")
  return {
    id: order.id,
    display_id: order.display_id,
    email: order.email,
    eu: order.terms.eu,
    canceled: order.canceled,
    items: order.items.map((item) => ({
      id: item.id,
      title: item.title,
      variant_title: item.variant_title,
      thumbnail: item.thumbnail,
      quantity: item.ordered,
      withdrawable_quantity: item.withdrawable_quantity,
      last_day: item.last_day,
      reason: item.reason,
      reason_text: item.reason ? notWithdrawableText(item, english) : null,
      withdrawal_exception: item.withdrawal_exception,
    })),
    withdrawals: withdrawals.map(withdrawalView),
  }
}

export function withdrawalView(withdrawal: WithdrawalDTO) {
  return {
    id: withdrawal.id,
    order_id: withdrawal.order_id,
    return_id: withdrawal.return_id,
    name: withdrawal.name,
    email: withdrawal.email,
    items: withdrawal.items,
    withdrawn_at: new Date(withdrawal.withdrawn_at).toISOString(),
    channel: withdrawal.channel,
  }
}
