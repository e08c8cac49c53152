import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { returnReceipts, returnStatus, RETURN_ORDER_FIELDS, type OrderItemQuantities } from "../../lib/returns"
import type { NewReturnedItem } from "../../modules/post-purchase"

export type ResolveReturnStepInput = { order_id: string; return_id: string }

export type ResolvedReturn = {
  order_id: string
  /** The return's items as they stand now. */
  items: NewReturnedItem[]
  /** How much of the order is coming back, across all its returns. */
  order_status: ReturnType<typeof returnStatus> | null
}

type ReturnRow = {
  id: string
  order_id: string
  items?: { item_id: string; quantity: unknown }[]
}

export const resolveReturnStepId = "pp-resolve-return"

/**
 * Reads a return and its order as they stand now, whatever event brought it
 * here. No compensation: it only reads.
 */
export const resolveReturnStep = createStep(
  resolveReturnStepId,
  async ({ order_id, return_id }: ResolveReturnStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: returns }, { data: orders }, receipts] = await Promise.all([
      query.graph({ entity: "return", fields: ["id", "order_id", "items.item_id", "items.quantity"], filters: { id: return_id } }),
      query.graph({ entity: "order", fields: ["id", ...RETURN_ORDER_FIELDS], filters: { id: order_id } }),
      // every receipt so far, damaged items included: the return item's own count holds only the last receipt's
      returnReceipts(container, return_id),
    ])
    const received = new Map(receipts.items.map((item) => [item.item_id, item.quantity]))
    const orderReturn = returns[0] as ReturnRow | undefined
    const order = orders[0] as { id: string; items?: OrderItemQuantities[] } | undefined
    const items: NewReturnedItem[] = (orderReturn?.items ?? []).map((item) => ({
      order_id,
      return_id,
      line_item_id: item.item_id,
      requested_quantity: Number(item.quantity),
      received_quantity: received.get(item.item_id) ?? 0,
    }))
    return new StepResponse<ResolvedReturn>({
      order_id,
      items,
      order_status: order ? returnStatus(order.items ?? []) : null,
    })
  }
)
