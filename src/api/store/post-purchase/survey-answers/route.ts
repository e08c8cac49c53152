import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { openSurveyLink, surveyTokenMessage } from "../../../../lib/survey"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import { answerSurveyWorkflow } from "../../../../workflows/feedback"
import type { StoreSurveyAnswerType } from "../validators"

/**
 * The feedback survey for storefronts with a page of their own: the token of
 * the email's link, the score (0–10) and the optional comment and "what could
 * we do better". Answering again replaces the order's answer.
 */
export const POST = async (req: MedusaRequest<StoreSurveyAnswerType>, res: MedusaResponse) => {
  const { token, score, comment, improvement } = req.validatedBody
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const opened = await openSurveyLink(req.scope, token, service.getSigningKeys())
  if (!opened.valid) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, surveyTokenMessage(opened.reason))
  }
  const { result: answer } = await answerSurveyWorkflow(req.scope).run({
    input: {
      order_id: opened.order.id,
      customer_id: opened.order.customer_id,
      email: opened.order.email,
      score,
      comment: comment ?? null,
      improvement: improvement ?? null,
      locale: opened.locale ?? opened.order.locale,
    },
  })
  res.status(200).json({
    survey_answer: {
      order_id: answer.order_id,
      score: answer.score,
      comment: answer.comment,
      improvement: answer.improvement,
      answered_at: answer.answered_at,
    },
  })
}
