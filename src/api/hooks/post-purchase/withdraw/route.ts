import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { LANGUAGES, translator } from "../../../../i18n"
import { loadWithdrawalOrder, withdrawalProblems, type WithdrawalOrder } from "../../../../lib/withdrawal"
import { readWithdrawalToken, WITHDRAWAL_PATH } from "../../../../lib/withdrawal-link"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import {
  formErrors,
  invalidWithdrawalLinkPage,
  withdrawalDonePage,
  withdrawalFormPage,
  withdrawalReviewPage,
  type FormErrors,
  type WithdrawalFormValues,
} from "../../../../pages/withdrawal-page"
import { sendPage as send } from "../../../../pages/send-page"
import { withdrawFromContractWorkflow } from "../../../../workflows/withdrawal"

/**
 * The withdrawal link of an EU order confirmation ("Withdraw from contract
 * here"). Its signed token is its only credential: no login, no publishable
 * key (a browser opening a link from an email sends none).
 * - GET shows the form: the items that can still be withdrawn, name, email.
 *   It never withdraws: link scanners fetch URLs.
 * - POST `step=review` checks the choice and shows what will be withdrawn
 *   with a separate "Confirm withdrawal" button; `step=edit` goes back to
 *   the form; `step=confirm` withdraws (a Medusa return request) and shows
 *   what was withdrawn and when.
 * A refused choice shows the form again with each message next to its field
 * (400). A tampered, foreign-purpose or expired token gets a 400 page and
 * changes nothing.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await openLink(req)
  if (!link.valid) {
    return send(res, 400, invalidWithdrawalLinkPage({ brand: link.brand, i18n: link.i18n, expired: link.expired }))
  }
  send(res, 200, formPage(link, { name: "", email: link.order.email, items: [] }))
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = await openLink(req)
  if (!link.valid) {
    return send(res, 400, invalidWithdrawalLinkPage({ brand: link.brand, i18n: link.i18n, expired: link.expired }))
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const values = formValues(body)
  const step = body.step
  if (step === "edit") {
    return send(res, 200, formPage(link, values))
  }
  if (step !== "review" && step !== "confirm") {
    return send(res, 400, formPage(link, values, { items: link.i18n.t("page.withdraw.error.items") }))
  }
  const problems = withdrawalProblems(link.order, values)
  if (problems.length) {
    return send(res, 400, formPage(link, values, formErrors(problems, link.i18n)))
  }
  if (step === "review") {
    return send(res, 200, withdrawalReviewPage({ brand: link.brand, i18n: link.i18n, order: link.order, action: link.action, values }))
  }

  try {
    const { result } = await withdrawFromContractWorkflow(req.scope).run({
      input: { order_id: link.order.id, name: values.name, email: values.email, items: values.items, channel: "email_link" },
    })
    const items = new Map(link.order.items.map((item) => [item.id, item]))
    send(
      res,
      200,
      withdrawalDonePage({
        brand: link.brand,
        i18n: link.i18n,
        orderNumber: link.order.display_id,
        items: result.withdrawal.items.map((line) => ({
          title: items.get(line.line_item_id)?.variant_title ? `${line.title} (${items.get(line.line_item_id)!.variant_title})` : line.title,
          quantity: line.quantity,
        })),
        withdrawnAt: new Date(result.withdrawal.withdrawn_at).toISOString(),
        timeZone: link.timeZone,
        email: link.order.email,
      })
    )
  } catch (e) {
    // the order changed since the review (another withdrawal, a return the shop made): show why, as it stands now
    const refused = (e as MedusaError).type === MedusaError.Types.INVALID_DATA || (e as MedusaError).type === MedusaError.Types.NOT_ALLOWED
    if (!refused) {
      throw e
    }
    const order = (await loadWithdrawalOrder(req.scope, link.order.id)) ?? link.order
    const now = withdrawalProblems(order, values)
    send(res, 400, formPage({ ...link, order }, values, now.length ? formErrors(now, link.i18n) : { order: (e as Error).message }))
  }
}

type OpenLink = Awaited<ReturnType<typeof openLink>>
type ValidLink = Extract<OpenLink, { valid: true }>

/** The link's order and the page's language, or why the link does not work. */
async function openLink(req: MedusaRequest) {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { brand, i18n: languages, quietHours } = service.getOptions()
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const read = readWithdrawalToken(token, service.getSigningKeys())
  const order = read.valid ? await loadWithdrawalOrder(req.scope, read.order_id) : null
  if (!read.valid || !order) {
    // no language to go by but the browser's
    return {
      valid: false as const,
      expired: !read.valid && read.reason === "expired",
      brand,
      i18n: translator(req.acceptsLanguages(...LANGUAGES) || languages.defaultLocale),
    }
  }
  return {
    valid: true as const,
    brand,
    i18n: translator(read.locale ?? order.locale ?? languages.defaultLocale),
    order,
    action: `${WITHDRAWAL_PATH}?token=${encodeURIComponent(token)}`,
    timeZone: quietHours.timeZone,
  }
}

function formPage(link: ValidLink & { order: WithdrawalOrder }, values: WithdrawalFormValues, errors?: FormErrors) {
  return withdrawalFormPage({ brand: link.brand, i18n: link.i18n, order: link.order, action: link.action, values, errors })
}

/** The choice as the form posts it: `item` once per ticked item, `quantity_<item>` for each, `name` and `email`. */
function formValues(body: Record<string, unknown>): WithdrawalFormValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "")
  const ticked = ([] as unknown[]).concat(body.item ?? []).filter((id): id is string => typeof id === "string")
  return {
    name: text(body.name).trim(),
    email: text(body.email).trim(),
    items: [...new Set(ticked)].map((id) => {
      const quantity = text(body[`quantity_${id}`]).trim()
      return { id, quantity: /^\d{1,6}$/.test(quantity) ? Number(quantity) : Number.NaN }
    }),
  }
}
