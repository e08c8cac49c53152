import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LANGUAGES, translator } from "../../../../i18n"
import { openReviewLink, type ReviewLink } from "../../../../lib/review-form"
import { REVIEW_PATH } from "../../../../lib/review-link"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import { sendPage as send } from "../../../../pages/send-page"
import {
  invalidReviewLinkPage,
  reviewDonePage,
  reviewFormErrors,
  reviewFormPage,
  type ReviewFormErrors,
  type ReviewFormValues,
} from "../../../../pages/review-page"
import { submitReviewWorkflow } from "../../../../workflows/reviews"

/**
 * The star links of a review request, for shops without a review form of
 * their own. The signed token is the only credential: no login, no
 * publishable key (a browser opening a link from an email sends none).
 * - GET shows the form for the link's item, with `?rating=` chosen, or the
 *   review already written, to edit. It never stores anything: link scanners
 *   fetch URLs.
 * - POST (a form) stores the review as a verified purchase, or edits it, and
 *   thanks; a refused field shows the form again with its message (400).
 * A tampered, foreign or expired token gets a 400 page and changes nothing.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = await openPage(req)
  if (!page.valid) {
    return send(res, 400, invalidReviewLinkPage(page))
  }
  const { existing } = page.link
  const asked = Number(req.query.rating)
  const rating = Number.isInteger(asked) && asked >= 1 && asked <= 5 ? asked : (existing?.rating ?? null)
  send(
    res,
    200,
    formPage(page, {
      rating,
      title: existing?.title ?? "",
      body: existing?.body ?? "",
      name: existing?.reviewer_name ?? page.link.default_name,
    })
  )
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const page = await openPage(req)
  if (!page.valid) {
    return send(res, 400, invalidReviewLinkPage(page))
  }
  const values = formValues((req.body ?? {}) as Record<string, unknown>)
  const errors = reviewFormErrors(values, page.i18n)
  if (Object.keys(errors).length) {
    return send(res, 400, formPage(page, values, errors))
  }
  try {
    const { result } = await submitReviewWorkflow(req.scope).run({
      input: { token: page.token, rating: values.rating!, title: values.title, body: values.body, name: values.name },
    })
    send(res, 200, reviewDonePage({ brand: page.brand, i18n: page.i18n, approved: result.status === "approved" }))
  } catch (e) {
    // the order changed since the form was opened (an item removed by an order edit, the order canceled): say so above the form
    if ((e as MedusaError).type !== MedusaError.Types.INVALID_DATA) {
      throw e
    }
    const linkRefused = (e as Error).message.startsWith("token:")
    send(res, 400, formPage(page, values, linkRefused ? { form: page.i18n.t("page.review.error.item") } : { form: (e as Error).message }))
  }
}

type Page = Awaited<ReturnType<typeof openPage>>
type OpenPage = Extract<Page, { valid: true }>

/** The link's item and the page's language, or why the link does not work. */
async function openPage(req: MedusaRequest) {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { brand, i18n: languages } = service.getOptions()
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const opened = await openReviewLink(req.scope, token)
  if ("problem" in opened) {
    // no language to go by but the browser's
    return {
      valid: false as const,
      expired: opened.problem.expired,
      brand,
      i18n: translator(req.acceptsLanguages(...LANGUAGES) || languages.defaultLocale),
    }
  }
  const link: ReviewLink = opened.link
  return {
    valid: true as const,
    token,
    link,
    brand,
    i18n: translator(link.locale ?? link.order.locale ?? languages.defaultLocale),
    action: `${REVIEW_PATH}?token=${encodeURIComponent(token)}`,
  }
}

function formPage(page: OpenPage, values: ReviewFormValues, errors?: ReviewFormErrors) {
  return reviewFormPage({
    brand: page.brand,
    i18n: page.i18n,
    orderNumber: page.link.order.display_id,
    item: page.link.item,
    action: page.action,
    values,
    editing: !!page.link.existing,
    errors,
  })
}

/** The form as posted: the rating's radio, title, body and name, as typed (only the name's and title's ends trimmed). */
function formValues(body: Record<string, unknown>): ReviewFormValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "")
  const rating = text(body.rating).trim()
  return {
    rating: /^\d$/.test(rating) ? Number(rating) : null,
    title: text(body.title).trim(),
    body: text(body.body).replace(/\r\n/g, "\n"),
    name: text(body.name).trim(),
  }
}
