import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULTS } from "../../lib/defaults"
import { POST_PURCHASE_MODULE } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type FindUnscheduledOrdersStepInput = {
  /** Overrides the database's clock; only tests and the demo move it. */
  now?: string | Date
}

export type UnscheduledOrder = {
  id: string
  email: string | null
  customer_id: string | null
  /** The best evidence of when it was placed (see the step). */
  placed_at: Date
}

type OrderRow = {
  id: string
  email: string | null
  customer_id: string | null
  status: string
  created_at: string | Date
  updated_at: string | Date
  cart?: { id: string } | null
}

const PAGE = 1000
const HOUR_MS = 60 * 60 * 1000

export const findUnscheduledOrdersStepId = "pp-find-unscheduled-orders"

/**
 * Finds orders placed in the look-back window that the plugin never handled
 * (no `placed` anchor): their order.placed was missed by a failed subscriber
 * or a restart. With no event to date them, the time they were placed is the
 * best evidence there is: an order from a cart was placed when it was created;
 * any other order (a converted draft keeps the draft's `created_at`) when it
 * was last updated, which is never earlier than its conversion. Orders
 * without a cart are looked at only with `reconcile.ordersWithoutCart`: an
 * order an import created looks the same as a converted draft, and never had
 * an order.placed to miss.
 *
 * Never looks before the plugin's first recorded anchor, so installing the
 * plugin does not mail the orders placed before it; and leaves the youngest
 * orders to their subscriber.
 *
 * No compensation: it only reads.
 */
export const findUnscheduledOrdersStep = createStep(
  findUnscheduledOrdersStepId,
  async (input: FindUnscheduledOrdersStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { reconcile } = service.getOptions()
    const window = await reconcileWindow(service, input.now)
    if (!window) {
      return new StepResponse([] as UnscheduledOrder[])
    }
    const { since, until, baseline } = window

    const found: UnscheduledOrder[] = []
    for (let skip = 0; found.length < DEFAULTS.reconcileBatchSize; skip += PAGE) {
      // every placed order was updated no earlier than it was placed
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "email", "customer_id", "status", "created_at", "updated_at", "cart.id"],
        filters: { updated_at: { $gte: new Date(since) }, status: { $nin: ["draft", "canceled"] } },
        // id breaks ties, so no order is skipped or seen twice between pages
        pagination: { skip, take: PAGE, order: { updated_at: "ASC", id: "ASC" } },
      })
      const candidates = (data as OrderRow[])
        .map((order) => ({ order, placed_at: placedAt(order) }))
        .filter(
          ({ order, placed_at }) =>
            (order.cart?.id || reconcile.ordersWithoutCart) &&
            placed_at.getTime() >= since &&
            placed_at.getTime() <= until &&
            new Date(order.created_at).getTime() >= baseline
        )
      const anchored = new Set(
        candidates.length
          ? (
              await service.listOrderAnchors(
                { order_id: candidates.map(({ order }) => order.id), anchor: "placed" },
                { select: ["order_id"] }
              )
            ).map((anchor) => anchor.order_id)
          : []
      )
      for (const { order, placed_at } of candidates) {
        if (!anchored.has(order.id) && found.length < DEFAULTS.reconcileBatchSize) {
          found.push({ id: order.id, email: order.email, customer_id: order.customer_id, placed_at })
        }
      }
      if (data.length < PAGE) {
        break
      }
    }
    return new StepResponse(found)
  }
)

/**
 * What the reconciliation looks at, in ms: from `lookbackHours` ago, but never
 * before the plugin's first recorded anchor (`baseline`), until `graceMinutes`
 * ago (younger events are left to their subscribers). Null before the plugin
 * has recorded anything.
 */
export async function reconcileWindow(
  service: PostPurchaseModuleService,
  nowOverride?: string | Date
): Promise<{ since: number; until: number; baseline: number } | null> {
  const { reconcile } = service.getOptions()
  const baseline = await service.earliestAnchorAt()
  if (!baseline) {
    return null
  }
  const now = await service.databaseNow(nowOverride ? new Date(nowOverride) : undefined)
  return {
    since: Math.max(now.getTime() - reconcile.lookbackHours * HOUR_MS, baseline.getTime()),
    until: now.getTime() - reconcile.graceMinutes * 60 * 1000,
    baseline: baseline.getTime(),
  }
}

function placedAt(order: OrderRow): Date {
  return new Date(order.cart?.id ? order.created_at : order.updated_at)
}
