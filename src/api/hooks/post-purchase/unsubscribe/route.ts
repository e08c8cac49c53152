import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { BrandProps } from "../../../../emails/types"
import { findFlow } from "../../../../flows"
import { LANGUAGES, translator, type MessageKey, type Translator } from "../../../../i18n"
import { readUnsubscribeToken, UNSUBSCRIBE_PATH } from "../../../../lib/unsubscribe"
import { POST_PURCHASE_MODULE } from "../../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../../modules/post-purchase/service"
import { invalidLinkPage, unsubscribeChoicePage, unsubscribedPage } from "../../../../pages/unsubscribe-page"
import { unsubscribeWorkflow } from "../../../../workflows/consent/unsubscribe"

/**
 * The unsubscribe link in marketing email. Its token is its only credential:
 * no cookie, no login, no publishable key (a mail client sends none).
 * - GET shows a page that asks (this kind of email, or all marketing); it
 *   never unsubscribes by itself, since link scanners fetch URLs.
 * - POST with `List-Unsubscribe=One-Click` (RFC 8058, what a mail client's
 *   unsubscribe button sends) unsubscribes from all marketing at once;
 *   POST with `scope=flow|all` is the page's answer.
 * A tampered, foreign or expired token gets 400 and changes nothing.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = readLink(req)
  if (!link.valid) {
    return refuse(res, link)
  }
  res
    .status(200)
    .type("html")
    .send(
      unsubscribeChoicePage({
        brand: link.brand,
        i18n: link.i18n,
        email: link.email,
        flow: link.flowName,
        action: `${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(link.token)}`,
      })
    )
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const link = readLink(req)
  if (!link.valid) {
    return refuse(res, link)
  }
  const body = (req.body ?? {}) as Record<string, unknown>
  const oneClick = body["List-Unsubscribe"] === "One-Click"
  const scope = oneClick ? "all" : body.scope
  if (scope !== "all" && scope !== "flow") {
    return res
      .status(400)
      .type("text")
      .send('Send List-Unsubscribe=One-Click, or scope with "all" or "flow"')
  }
  await unsubscribeWorkflow(req.scope).run({
    input: { email: link.email, flow: link.flow, flow_label: findFlow(link.flow)?.label ?? link.flow, scope, url: link.pageUrl },
  })
  if (oneClick) {
    return res.status(200).type("text").send("Unsubscribed")
  }
  res
    .status(200)
    .type("html")
    .send(
      unsubscribedPage({ brand: link.brand, i18n: link.i18n, email: link.email, flow: scope === "all" ? null : link.flowName })
    )
}

function readLink(req: MedusaRequest) {
  const service: PostPurchaseModuleService = req.scope.resolve(POST_PURCHASE_MODULE)
  const { brand, backendUrl, i18n: languages } = service.getOptions()
  const token = typeof req.query.token === "string" ? req.query.token : ""
  const read = readUnsubscribeToken(token, service.getSigningKeys())
  if (!read.valid) {
    // no language to go by but the browser's
    return { ...read, brand, i18n: translator(req.acceptsLanguages(...LANGUAGES) || languages.defaultLocale) }
  }
  const i18n = translator(read.locale ?? languages.defaultLocale)
  return {
    ...read,
    brand,
    i18n,
    token,
    flowName: findFlow(read.flow) ? i18n.t(`flow.${read.flow}` as MessageKey) : read.flow,
    pageUrl: `${backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}`,
  }
}

function refuse(res: MedusaResponse, link: { reason: string; brand: BrandProps; i18n: Translator }) {
  res
    .status(400)
    .type("html")
    .send(invalidLinkPage({ brand: link.brand, i18n: link.i18n, expired: link.reason === "expired" }))
}
