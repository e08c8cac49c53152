import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { LANGUAGES, translator } from "../../../../i18n"
import { openSurveyLink, surveyAnswerProblems, surveyScore, surveyText, type SurveyOrder } from "../../../../lib/survey"
import { SURVEY_PATH } from "../../../../lib/survey-link"
import { POST_PURCHASE_MODULE, type SurveyAnswerDTO } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import { feedbackDonePage, feedbackErrors, feedbackFormPage, invalidFeedbackLinkPage, type FeedbackFormValues } from "../../../../pages/feedback-page"
import { sendPage as send } from "../../../../pages/send-page"
import { answerSurveyWorkflow } from "../../../../workflows/feedback"

/**
 * The score links of the feedback survey email. Its signed token is its only
 * credential: no login, no publishable key (a browser opening a link from an
 * email sends none).
 * - GET shows the form with the score of the link chosen (`?score=`), or the
 *   earlier answer's; it records nothing, since mail scanners open every
 *   link in an email.
 * - POST records the answer (`score`, `comment`, `improvement`), replacing an
 *   earlier one, and shows it with a thank-you.
 * A refused answer shows the form again with each message next to its field
 * (400). A tampered, foreign-purpose or expired token gets a 400 page and
 * records nothing.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await openLink(req)
  if (!link.valid) {
    return send(res, 400, invalidFeedbackLinkPage({ brand: link.brand, i18n: link.i18n, expired: link.expired }))
  }
  const previous = link.previous
  const values: FeedbackFormValues = {
    score: surveyScore(req.query.score) ?? previous?.score ?? null,
    comment: previous?.comment ?? "",
    improvement: previous?.improvement ?? "",
  }
  send(res, 200, formPage(link, values))
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await openLink(req)
  if (!link.valid) {
    return send(res, 400, invalidFeedbackLinkPage({ brand: link.brand, i18n: link.i18n, expired: link.expired }))
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === "string" ? value : "")
  const values: FeedbackFormValues = { score: surveyScore(body.score), comment: text(body.comment), improvement: text(body.improvement) }
  const problems = surveyAnswerProblems(values)
  if (problems.length) {
    return send(res, 400, formPage(link, values, feedbackErrors(problems, link.i18n)))
  }
  const { result: answer } = await answerSurveyWorkflow(req.scope).run({
    input: {
      order_id: link.order.id,
      customer_id: link.order.customer_id,
      email: link.order.email,
      score: values.score!,
      comment: surveyText(values.comment),
      improvement: surveyText(values.improvement),
      locale: link.i18n.locale,
    },
  })
  send(res, 200, feedbackDonePage({ brand: link.brand, i18n: link.i18n, orderNumber: link.order.display_id, answer, changeUrl: link.action }))
}

type ValidLink = Extract<Awaited<ReturnType<typeof openLink>>, { valid: true }>

/** The link's order, its earlier answer and the page's language, or why the link does not work. */
async function openLink(req: MedusaRequest) {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { brand, i18n: languages } = service.getOptions()
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const opened = await openSurveyLink(req.scope, token, service.getSigningKeys())
  if (!opened.valid) {
    // no language to go by but the browser's
    return {
      valid: false as const,
      expired: opened.reason === "expired",
      brand,
      i18n: translator(req.acceptsLanguages(...LANGUAGES) || languages.defaultLocale),
    }
  }
  const [previous] = (await service.listSurveyAnswers({ order_id: opened.order.id })) as SurveyAnswerDTO[]
  return {
    valid: true as const,
    brand,
    i18n: translator(opened.locale ?? opened.order.locale ?? languages.defaultLocale),
    order: opened.order as SurveyOrder,
    previous: previous ?? null,
    action: `${SURVEY_PATH}?token=${encodeURIComponent(token)}`,
  }
}

function formPage(link: ValidLink, values: FeedbackFormValues, errors?: Record<string, string>) {
  return feedbackFormPage({
    brand: link.brand,
    i18n: link.i18n,
    orderNumber: link.order.display_id,
    action: link.action,
    values,
    answeredBefore: !!link.previous,
    errors,
  })
}
