import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import type { AdminListFollowupsType } from "../validators"
import { FOLLOWUP_FIELDS, followupViews } from "../views"

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
  res.json({
    followups: await followupViews(req.scope, followups),
    count,
    offset,
    limit,
  })
}
