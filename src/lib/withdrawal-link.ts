import type { PluginOptions } from "../modules/post-purchase/options"
import { readOrderLink, signLink, type SigningKey } from "./signed-link"

/**
 * Where the plugin answers the withdrawal link of an order confirmation:
 * outside /store, since a browser opening a link from an email sends no
 * publishable key.
 */
export const WITHDRAWAL_PATH = "/hooks/post-purchase/withdraw"

const PURPOSE = "withdraw"
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The signed link that lets the buyer of an order withdraw from it, without
 * an account. It works for `returns.withdrawalLinkDays`, longer than any
 * return window plus the delivery; whether an item can still be withdrawn is
 * decided when it is used, by the order's return terms.
 */
export function withdrawalUrl(
  order: { id: string; email: string; locale?: string | null },
  options: PluginOptions,
  keys: SigningKey[],
  now: Date = new Date()
): string {
  const token = signLink(
    { purpose: PURPOSE, order_id: order.id, email: order.email, ...(order.locale ? { locale: order.locale } : {}) },
    new Date(now.getTime() + options.returns.withdrawalLinkDays * DAY_MS),
    keys
  )
  return `${options.backendUrl.replace(/\/+$/, "")}${WITHDRAWAL_PATH}?token=${token}`
}

/** The order and buyer a withdrawal token names, or why it is refused. */
export function readWithdrawalToken(token: string, keys: SigningKey[], now?: Date) {
  return readOrderLink(token, PURPOSE, keys, now)
}
