import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SURVEY_TEXT_MAX } from "../modules/post-purchase/models/survey-answer"
import { normalizeEmail } from "../modules/post-purchase/service"
import { readSurveyToken } from "./survey-link"
import type { SigningKey } from "./signed-link"

/** What the survey's page and the Store API need of the order a survey link names. */
export type SurveyOrder = { id: string; display_id: number; email: string; customer_id: string | null; locale: string | null }

/** What the customer sends: the score as typed (a form sends text), and the two optional texts. */
export type SurveyValues = { score: number | null; comment: string; improvement: string }

export type SurveyProblem =
  | { field: "score"; code: "score" }
  | { field: "comment" | "improvement"; code: "too_long"; max: number; length: number }

/** Why a survey link does not open: the token's own reason, or an order that no longer matches it. */
export type SurveyLinkRefusal = "malformed" | "unknown key" | "bad signature" | "expired" | "wrong purpose" | "unknown order"

export async function loadSurveyOrder(container: { resolve: (key: string) => any }, orderId: string): Promise<SurveyOrder | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "display_id", "email", "customer_id", "locale"], filters: { id: orderId } })
  return order ? { ...order, customer_id: order.customer_id ?? null, locale: order.locale ?? null } : null
}

/**
 * The order a survey token names and the language it was sent in, or why not:
 * the token must be valid and the order still the one its buyer placed, with
 * the address the survey went to.
 */
export async function openSurveyLink(
  container: { resolve: (key: string) => any },
  token: string,
  keys: SigningKey[]
): Promise<{ valid: true; order: SurveyOrder; locale: string | null } | { valid: false; reason: SurveyLinkRefusal }> {
  const read = readSurveyToken(token, keys)
  if (!read.valid) {
    return read
  }
  const order = await loadSurveyOrder(container, read.order_id)
  if (!order?.email || normalizeEmail(order.email) !== normalizeEmail(read.email)) {
    return { valid: false, reason: "unknown order" }
  }
  return { valid: true, order, locale: read.locale }
}

/** The message a refused token gets from the Store API, naming the field. */
export function surveyTokenMessage(reason: SurveyLinkRefusal): string {
  return reason === "expired"
    ? "token: the survey link has expired"
    : reason === "wrong purpose"
      ? "token: this is not a survey link's token"
      : "token: the survey link is incomplete or was changed"
}

/** Free text as stored: line breaks as \n (a form sends \r\n), trimmed, and null when nothing is left. */
export function surveyText(value: unknown): string | null {
  const text = typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : ""
  return text ? text : null
}

/** A score as a form sends it: a whole number from 0 to 10, else null. */
export function surveyScore(value: unknown): number | null {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : ""
  return /^\d{1,2}$/.test(text) && Number(text) <= 10 ? Number(text) : null
}

/** What is wrong with an answer, each problem with its field. */
export function surveyAnswerProblems(values: SurveyValues): SurveyProblem[] {
  const problems: SurveyProblem[] = []
  if (values.score === null) {
    problems.push({ field: "score", code: "score" })
  }
  for (const field of ["comment", "improvement"] as const) {
    const length = (surveyText(values[field]) ?? "").length
    if (length > SURVEY_TEXT_MAX) {
      problems.push({ field, code: "too_long", max: SURVEY_TEXT_MAX, length })
    }
  }
  return problems
}
