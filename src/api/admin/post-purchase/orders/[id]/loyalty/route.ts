import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderPointsSummary, type OrderLedgerLine } from "../../../../../../lib/loyalty-order-points"
import { LOYALTY_MODULE } from "../../../../../../modules/loyalty"
import type LoyaltyModuleService from "../../../../../../modules/loyalty/service"

type Line = Awaited<ReturnType<LoyaltyModuleService["orderLedger"]>>[number]

const entryView = (entry: Line) => ({
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
})

const totals = (entries: (OrderLedgerLine & Line)[]) => ({ ...orderPointsSummary(entries), entries: entries.map(entryView) })

/**
 * What the order did for its buyer's points (earned, still pending,
 * confirmed and held, taken back, each ledger line, oldest first) and,
 * apart from them, for each member who referred the buyer: the referral
 * bonus that waits on the order's return window like the buyer's points,
 * with that member's name. An order's totals are its buyer's only.
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
  const buyerId: string | null = order.customer_id ?? null
  // only a referral puts another customer's points on an order
  const referrerIds = [...new Set(entries.map((entry) => entry.customer_id).filter((id) => id !== buyerId))]
  const { data: referrers } = referrerIds.length
    ? await query.graph({ entity: "customer", fields: ["id", "first_name", "last_name", "email"], filters: { id: referrerIds } })
    : { data: [] as any[] }
  const byId = new Map<string, { first_name?: string | null; last_name?: string | null; email?: string | null }>(
    referrers.map((customer: any) => [customer.id as string, customer] as const)
  )
  res.json({
    customer_id: buyerId,
    ...totals(entries.filter((entry) => entry.customer_id === buyerId)),
    referrers: referrerIds.map((id) => {
      const customer = byId.get(id)
      const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
      return {
        customer_id: id,
        name: name || customer?.email || id,
        email: customer?.email ?? null,
        ...totals(entries.filter((entry) => entry.customer_id === id)),
      }
    }),
  })
}
