import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { loadOrderReturnTerms } from "../../../../../../lib/return-terms"
import { orderReturnTermsView } from "../../../../../utils/return-policy-view"

/**
 * The signed-in customer's return deadline for one of their orders: its
 * policy version, the last day, and per item whether and until when it can go
 * back. Another customer's order is not found, as if it did not exist.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id", "items.id", "items.title"], filters: { id: req.params.id } })
  const terms = order?.customer_id === req.auth_context.actor_id ? (await loadOrderReturnTerms(req.scope, [order.id])).get(order.id) : undefined
  if (!terms) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
  const titles = new Map(((order.items ?? []) as { id: string; title: string }[]).map((item) => [item.id, item.title]))
  const view = orderReturnTermsView(terms)
  res.json({ return_deadline: { ...view, items: view.items.map((item) => ({ ...item, title: titles.get(item.item_id) ?? null })) } })
}
