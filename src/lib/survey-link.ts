import type { PluginOptions } from "../modules/post-purchase/options"
import { NPS_SCORES } from "./nps"
import { readOrderLink, signLink, type SigningKey } from "./signed-link"

/**
 * Where the plugin answers the score links of the feedback survey: outside
 * /store, since a browser opening a link from an email sends no publishable
 * key.
 */
export const SURVEY_PATH = "/hooks/post-purchase/feedback"

/** How long the survey's links work: an answer months later says little about this purchase. */
export const SURVEY_LINK_DAYS = 60

const PURPOSE = "survey"
const DAY_MS = 24 * 60 * 60 * 1000

/** The signed token that lets the buyer of an order answer its survey, without an account. */
export function surveyToken(
  order: { id: string; email: string; locale?: string | null },
  keys: SigningKey[],
  now: Date = new Date()
): string {
  return signLink(
    { purpose: PURPOSE, order_id: order.id, email: order.email, ...(order.locale ? { locale: order.locale } : {}) },
    new Date(now.getTime() + SURVEY_LINK_DAYS * DAY_MS),
    keys
  )
}

/** The survey's page for a token, with a score chosen when given. */
export function surveyUrl(token: string, options: Pick<PluginOptions, "backendUrl">, score?: number): string {
  const base = `${options.backendUrl.replace(/\/+$/, "")}${SURVEY_PATH}?token=${encodeURIComponent(token)}`
  return score === undefined ? base : `${base}&score=${score}`
}

/** The email's eleven links, 0 to 10, one token for all: the score is the customer's to change on the page. */
export function surveyScoreUrls(token: string, options: Pick<PluginOptions, "backendUrl">): string[] {
  return NPS_SCORES.map((score) => surveyUrl(token, options, score))
}

/** The order and buyer a survey token names, or why it is refused. */
export function readSurveyToken(token: string, keys: SigningKey[], now?: Date) {
  return readOrderLink(token, PURPOSE, keys, now)
}
