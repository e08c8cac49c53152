import { MathBN } from "@medusajs/framework/utils"

/** An order's line item as query.graph loads it with `items.*` and `items.detail.*`. */
export type OrderItemQuantities = {
  id: string
  quantity: unknown
  detail?: {
    return_requested_quantity?: unknown
    return_received_quantity?: unknown
    return_dismissed_quantity?: unknown
  } | null
}

/** The order fields `returnStatus` reads (the quantities come only with the whole item and its detail). */
export const RETURN_ORDER_FIELDS = ["items.*", "items.detail.*"]

/**
 * How much of an order is coming back, as its returns stand now (Medusa moves
 * a quantity from requested to received or dismissed when the shop receives
 * it, and back out of requested when a return is canceled, without an event):
 * - `returned`: every item was received back;
 * - `returning`: every item was received back or is in a requested return;
 * - `partial`: some items are in a return, some are kept;
 * - `none`.
 */
export function returnStatus(items: OrderItemQuantities[]): "none" | "partial" | "returning" | "returned" {
  let ordered = MathBN.convert(0)
  let received = MathBN.convert(0)
  let requested = MathBN.convert(0)
  for (const item of items) {
    ordered = MathBN.add(ordered, item.quantity as number)
    received = MathBN.add(
      received,
      item.detail?.return_received_quantity as number ?? 0,
      item.detail?.return_dismissed_quantity as number ?? 0
    )
    requested = MathBN.add(requested, item.detail?.return_requested_quantity as number ?? 0)
  }
  if (MathBN.lte(ordered, 0) || (MathBN.eq(received, 0) && MathBN.eq(requested, 0))) {
    return "none"
  }
  if (MathBN.gte(received, ordered)) {
    return "returned"
  }
  return MathBN.gte(MathBN.add(received, requested), ordered) ? "returning" : "partial"
}

/**
 * How many of an item the customer still has, as its returns stand now: the
 * quantity less what is received back, dismissed or in a requested return.
 */
export function keptQuantity(item: OrderItemQuantities): number {
  const gone = MathBN.add(
    item.detail?.return_received_quantity as number ?? 0,
    item.detail?.return_dismissed_quantity as number ?? 0,
    item.detail?.return_requested_quantity as number ?? 0
  )
  const kept = MathBN.sub(item.quantity as number, gone)
  return MathBN.gt(kept, 0) ? MathBN.convert(kept).toNumber() : 0
}

/** The items the customer still has some of: what a review request asks about. */
export function keptItems<Item extends OrderItemQuantities>(items: Item[]): Item[] {
  return items.filter((item) => keptQuantity(item) > 0)
}
