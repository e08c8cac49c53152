import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import type { AdminListFollowupsType } from "../validators"
import { FOLLOWUP_FIELDS, followupView } from "../views"

/** Follow-ups across orders, or one order's, filtered by status, flow and due date, a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListFollowupsType>, res: MedusaResponse) => {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { order_id, status, flow, send_at, offset, limit, order } = req.validatedQuery
  const filters = {
    ...(order_id ? { order_id } : {}),
    ...(status ? { status } : {}),
    ...(flow ? { flow } : {}),
    ...(send_at ? { send_at } : {}),
  }
  const [field, direction] = order.startsWith("-") ? [order.slice(1), "DESC" as const] : [order, "ASC" as const]
  const [followups, count] = await service.listAndCountFollowups(filters, {
    select: [...FOLLOWUP_FIELDS],
    skip: offset,
    take: limit,
    // id breaks ties, so pages never repeat or skip a row
    order: { [field]: direction, id: direction },
  })
  // the order's number, as the admin knows it, for the list across orders
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(followups.map((f) => f.order_id))]
  const { data: orders } = orderIds.length
    ? await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
    : { data: [] }
  // no annotation: Medusa's generated query types (.medusa/types) call display_id a string; it is a number
  const displayIds = new Map(orders.map((o) => [o.id, o.display_id]))
  res.json({
    followups: followups.map((f) => ({ ...followupView(f), order_display_id: displayIds.get(f.order_id) ?? null })),
    count,
    offset,
    limit,
  })
}
