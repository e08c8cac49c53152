import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderPointsSummary } from "../../../../../../lib/loyalty-order-points"
import { LOYALTY_MODULE } from "../../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../../modules/loyalty/service"

/**
 * What the order did for its customer's points: earned, still pending,
 * confirmed and held, taken back, and each ledger line of it, oldest first.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const loyalty: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
  const entries = await loyalty.orderLedger(order.id)
  res.json({
    customer_id: order.customer_id ?? null,
    ...orderPointsSummary(entries),
    entries: entries.map((entry) => ({
      id: entry.id,
      customer_id: entry.customer_id,
      type: entry.type,
      points: entry.points,
      pending_delta: entry.pending_delta,
      available_delta: entry.available_delta,
      lifetime_delta: entry.lifetime_delta,
      reason: entry.reason,
      created_by: entry.created_by,
      created_at: entry.created_at,
    })),
  })
}
