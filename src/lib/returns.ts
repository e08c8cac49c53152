import type { MedusaContainer } from "@medusajs/framework/types"
import { ChangeActionType, ContainerRegistrationKeys, MathBN, OrderChangeStatus, OrderChangeType } from "@medusajs/framework/utils"

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

export type ReturnReceipts = { count: number; items: { item_id: string; quantity: number }[] }

/**
 * Every receipt of a return so far, from Medusa's own record of them: each
 * receipt is a confirmed `return_receive` order change whose actions name the
 * items and quantities received (damaged ones too: they came back, they are
 * just not restocked). Read from the changes, not the return's items: in
 * Medusa 2.21.2 `confirmReturnReceiveWorkflow` writes each receipt's own
 * quantity over the item's `received_quantity` (two receipts of one leave 1,
 * and the return `partially_received`), so it is no running total.
 */
export async function returnReceipts(container: MedusaContainer, returnId: string): Promise<ReturnReceipts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: changes } = await query.graph({
    entity: "order_change",
    fields: ["id", "actions.action", "actions.details"],
    filters: { return_id: returnId, change_type: OrderChangeType.RETURN_RECEIVE, status: OrderChangeStatus.CONFIRMED },
  })
  const received = new Map<string, number>()
  for (const change of changes as { actions?: { action: string; details?: Record<string, unknown> | null }[] }[]) {
    for (const action of change.actions ?? []) {
      if (action.action !== ChangeActionType.RECEIVE_RETURN_ITEM && action.action !== ChangeActionType.RECEIVE_DAMAGED_RETURN_ITEM) {
        continue
      }
      const itemId = action.details?.reference_id as string | undefined
      if (itemId) {
        received.set(itemId, (received.get(itemId) ?? 0) + Number(action.details?.quantity ?? 0))
      }
    }
  }
  return {
    count: changes.length,
    items: [...received].filter(([, quantity]) => quantity > 0).map(([item_id, quantity]) => ({ item_id, quantity })),
  }
}
