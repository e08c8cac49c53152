import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { npsCategory } from "../../../../lib/nps"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import type { AdminFeedbackQueryType } from "../validators"

/**
 * The feedback survey over a period: the NPS with its promoters, passives and
 * detractors, and the latest answers with their comments, a page at a time,
 * each with its order's number so the admin can follow up. Comments are plain
 * text as the customer typed them.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminFeedbackQueryType>, res: MedusaResponse) => {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { from, to, limit, offset } = req.validatedQuery
  const [nps, { answers, count }] = await Promise.all([
    service.npsSummary({ from, to }),
    service.latestSurveyAnswers({ from, to, limit, offset }),
  ])
  const orderIds = [...new Set(answers.map((answer) => answer.order_id))]
  const displayIds = new Map<string, number>()
  if (orderIds.length) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
    for (const order of orders) {
      displayIds.set(order.id, Number(order.display_id))
    }
  }
  res.json({
    from: from.toISOString(),
    to: to.toISOString(),
    nps,
    answers: answers.map((answer) => ({
      order_id: answer.order_id,
      // null when the order was deleted since
      order_display_id: displayIds.get(answer.order_id) ?? null,
      email: answer.email,
      score: answer.score,
      category: npsCategory(answer.score),
      comment: answer.comment,
      improvement: answer.improvement,
      answered_at: answer.answered_at,
    })),
    count,
    offset,
    limit,
  })
}
