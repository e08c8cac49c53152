import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { translator, type MessageKey, type Translator } from "../i18n"
import { normalizeEmail } from "../modules/post-purchase/service"
import type { WithdrawalException } from "./return-policy"
import { loadOrderReturnTerms, type NotReturnableReason, type OrderReturnTerms } from "./return-terms"

/**
 * What of an order its buyer can withdraw from now, and whether a request to
 * withdraw holds up. Whether an item can go back at all, and until when, is
 * the order's return terms (`loadOrderReturnTerms`, the one rule); this adds
 * the quantities: Medusa takes back only what was sent, and never more than
 * what is not already returned or on its way back.
 */

/** The point of Article 16 of Directive 2011/83/EU each exception comes from, for messages that cite it. */
export const ARTICLE_16_POINT: Record<WithdrawalException, string> = {
  market_price: "b",
  personalised: "c",
  perishable: "d",
  sealed_hygiene: "e",
  mixed: "f",
  alcohol_futures: "g",
  sealed_media: "i",
  periodical: "j",
  digital_content: "m",
}

/** Why none of an item can be withdrawn now: the return terms' reasons, or its quantities. */
export type NotWithdrawableReason =
  | NotReturnableReason
  /** Nothing of it was sent yet: Medusa makes returns of sent items only. */
  | "not_sent"
  /** Every one of it is returned already, or on its way back. */
  | "returned"

export type WithdrawableItem = {
  /** The order's line item. */
  id: string
  title: string
  variant_title: string | null
  thumbnail: string | null
  ordered: number
  /** How many can be withdrawn now; 0 with a `reason`. */
  withdrawable_quantity: number
  /** The last day to withdraw (YYYY-MM-DD, the shop's time zone), once the delivery is known. */
  last_day: string | null
  reason: NotWithdrawableReason | null
  withdrawal_exception: WithdrawalException | null
}

export type WithdrawalOrder = {
  id: string
  display_id: number
  /** The address the order was placed with; a withdrawal must state it. */
  email: string
  customer_id: string | null
  locale: string | null
  canceled: boolean
  terms: OrderReturnTerms
  items: WithdrawableItem[]
}

/** The order fields `loadWithdrawalOrder` reads. */
const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "customer_id",
  "locale",
  "status",
  // the quantities come only with the whole item and its detail
  "items.*",
  "items.detail.*",
]

const quantity = (value: unknown) => Number(value ?? 0)

/** The order with what of each item can be withdrawn `now`; null when there is no such order. */
export async function loadWithdrawalOrder(container: any, orderId: string, now: Date = new Date()): Promise<WithdrawalOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  if (!order) {
    return null
  }
  const terms = (await loadOrderReturnTerms(container, [order.id], now)).get(order.id)!
  const termsOf = new Map(terms.items.map((item) => [item.item_id, item]))
  const items = ((order.items ?? []) as any[]).map((item): WithdrawableItem => {
    const itemTerms = termsOf.get(item.id)
    const ordered = quantity(item.quantity)
    const detail = item.detail ?? {}
    const back =
      quantity(detail.return_requested_quantity) + quantity(detail.return_received_quantity) + quantity(detail.return_dismissed_quantity)
    const sent = Math.min(quantity(detail.fulfilled_quantity), ordered)
    const reason: NotWithdrawableReason | null = !itemTerms?.returnable
      ? (itemTerms?.reason ?? "no_policy")
      : back >= ordered
        ? "returned"
        : sent - back <= 0
          ? "not_sent"
          : null
    return {
      id: item.id,
      title: item.product_title ?? item.title,
      variant_title: item.variant_title && item.variant_title !== "Default variant" ? item.variant_title : null,
      thumbnail: item.thumbnail ?? null,
      ordered,
      withdrawable_quantity: reason ? 0 : sent - back,
      last_day: itemTerms?.last_day ?? null,
      reason,
      withdrawal_exception: itemTerms?.withdrawal_exception ?? null,
    }
  })
  return {
    id: order.id,
    display_id: order.display_id,
    email: order.email ?? "",
    customer_id: order.customer_id ?? null,
    locale: order.locale ?? null,
    canceled: order.status === "canceled",
    terms,
    items,
  }
}

/** What a customer states to withdraw: their name and email, and the items with how many of each. */
export type WithdrawalRequest = {
  name: string
  email: string
  items: { id: string; quantity: number }[]
}

/** One reason a request to withdraw is refused, with the field it concerns. */
export type WithdrawalProblem =
  | { field: "order"; code: "canceled" }
  | { field: "name"; code: "name_missing" }
  | { field: "email"; code: "email_mismatch" }
  | { field: "items"; code: "no_items" }
  | { field: string; item_id: string; code: "unknown_item" | "duplicate_item" }
  | { field: string; item_id: string; code: "not_withdrawable"; item: WithdrawableItem }
  | { field: string; item_id: string; code: "quantity"; item: WithdrawableItem; quantity: number }

/**
 * Every reason the request is refused, in the order of its fields: the order
 * canceled, a name missing, an email that is not the order's (compared
 * lower-cased), no items, an item not of this order or named twice, an item
 * that cannot be withdrawn (an Article 16 exception, its period over, nothing
 * sent or left), or more of it than can be withdrawn. Empty when it holds up.
 */
export function withdrawalProblems(order: WithdrawalOrder, request: WithdrawalRequest): WithdrawalProblem[] {
  const problems: WithdrawalProblem[] = []
  if (order.canceled) {
    problems.push({ field: "order", code: "canceled" })
  }
  if (!request.name.trim()) {
    problems.push({ field: "name", code: "name_missing" })
  }
  if (normalizeEmail(request.email) !== normalizeEmail(order.email)) {
    problems.push({ field: "email", code: "email_mismatch" })
  }
  if (!request.items.length) {
    problems.push({ field: "items", code: "no_items" })
  }
  const byId = new Map(order.items.map((item) => [item.id, item]))
  const seen = new Set<string>()
  request.items.forEach((line, index) => {
    const field = `items[${index}]`
    const item = byId.get(line.id)
    if (!item) {
      problems.push({ field, item_id: line.id, code: "unknown_item" })
    } else if (seen.has(line.id)) {
      problems.push({ field, item_id: line.id, code: "duplicate_item" })
    } else if (item.reason) {
      problems.push({ field, item_id: line.id, code: "not_withdrawable", item })
    } else if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > item.withdrawable_quantity) {
      problems.push({ field, item_id: line.id, code: "quantity", item, quantity: line.quantity })
    }
    seen.add(line.id)
  })
  return problems
}

/** Why an item cannot be withdrawn, in the translator's language, e.g. "quickly perishable (Article 16(d))". */
export function notWithdrawableText(item: WithdrawableItem, i18n: Translator): string {
  const { t } = i18n
  switch (item.reason) {
    case "withdrawal_exception":
      return t("withdrawal.reason.withdrawal_exception", {
        exception: t(`withdrawal.exception.${item.withdrawal_exception}` as MessageKey),
        point: ARTICLE_16_POINT[item.withdrawal_exception!],
      })
    case "period_ended":
      return t("withdrawal.reason.period_ended", { date: i18n.date(`${item.last_day}T12:00:00Z`) })
    default:
      return t(`withdrawal.reason.${item.reason ?? "no_policy"}` as MessageKey)
  }
}

const english = () => translator("en")

/**
 * A problem as an API answers it, naming the field and saying why, e.g.
 * `items[1]: "Organic Coffee Beans" cannot be withdrawn: quickly perishable (Article 16(d))`.
 */
export function withdrawalProblemMessage(problem: WithdrawalProblem, order: Pick<WithdrawalOrder, "display_id">): string {
  switch (problem.code) {
    case "canceled":
      return `order: order #${order.display_id} was canceled, so there is nothing to withdraw from`
    case "name_missing":
      return "name is required: the name of the customer who withdraws"
    case "email_mismatch":
      return `email: this is not the email address of order #${order.display_id}; state the address the order was placed with`
    case "no_items":
      return "items needs at least one item to withdraw"
    case "unknown_item":
      return `${problem.field}: ${problem.item_id} is not an item of order #${order.display_id}`
    case "duplicate_item":
      return `${problem.field}: ${problem.item_id} is named twice; give each item once with its quantity`
    case "not_withdrawable":
      return `${problem.field}: "${problem.item.title}" cannot be withdrawn: ${notWithdrawableText(problem.item, english())}`
    case "quantity":
      if (!Number.isInteger(problem.quantity) || problem.quantity < 1) {
        return `${problem.field}: quantity must be a whole number of at least 1`
      }
      return `${problem.field}: quantity ${problem.quantity} is more than the ${problem.item.withdrawable_quantity} of "${problem.item.title}" that can be withdrawn`
  }
}
