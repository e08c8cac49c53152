import { MedusaError } from "@medusajs/framework/utils"
import FeedbackSurveyEmail, { type FeedbackSurveyEmailProps } from "../emails/feedback-survey"
import { greetingValues } from "../emails/components/format"
import { SURVEY_PATH, surveyScoreUrls, surveyToken, surveyUrl } from "../lib/survey-link"
import { UNSUBSCRIBE_PATH } from "../lib/unsubscribe"
import type { PluginOptions } from "../modules/post-purchase/options"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { orderOf, type FlowDefinition } from "./types"

const DAY = 24 * 60 * 60

/** The survey's links in previews and test emails: their token is no signed one, so they record nothing. */
function previewLinks(options: PluginOptions) {
  const base = `${options.backendUrl.replace(/\/+$/, "")}${SURVEY_PATH}?token=preview`
  return { surveyUrl: base, scoreUrls: Array.from({ length: 11 }, (_, score) => `${base}&score=${score}`) }
}

/**
 * "How likely are you to recommend us?", 0 to 10, a few days after the order
 * arrived. Every buyer with consent gets it; its answer never decides who is
 * asked for a review (that would be review gating).
 */
export const feedbackSurveyFlow: FlowDefinition<FeedbackSurveyEmailProps> = {
  key: "feedback-survey",
  label: "Feedback survey",
  description: "Asks how likely the customer is to recommend your shop (0–10), with room for a comment, after the order arrived.",
  category: "marketing",
  anchor: "delivered",
  // asking how it went before it arrived makes no sense
  notBeforeDelivery: true,
  defaultDelaySeconds: 3 * DAY,
  defaultEnabled: true,
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: (context) => {
    const { options, signingKeys, followup, i18n, now, preview } = context
    const order = orderOf(context)
    const base = orderEmailProps(context)
    if (preview || !order.email) {
      return { ...base, ...previewLinks(options) }
    }
    if (!signingKeys?.length) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The survey of order ${order.id} needs the signing keys for its links`)
    }
    // the page speaks the email's language
    const token = surveyToken({ id: order.id, email: order.email, locale: followup?.locale ?? i18n.locale }, signingKeys, now)
    return { ...base, scoreUrls: surveyScoreUrls(token, options), surveyUrl: surveyUrl(token, options) }
  },
  previewProps: (brand, options, i18n) => ({
    ...FeedbackSurveyEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    i18n,
    ...previewLinks(options),
    // what every marketing email carries; a real one holds the recipient's signed token
    unsubscribeUrl: `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`,
  }),
  editableCopy: {
    subject: "feedbackSurvey.subject",
    preview: "feedbackSurvey.preview",
    heading: "feedbackSurvey.heading",
    intro: "feedbackSurvey.intro",
    button: "feedbackSurvey.button",
  },
  subject: ({ order, brand, i18n }) => i18n.t("feedbackSurvey.subject", { shopName: brand.name, ...greetingValues(order) }),
  template: (props) => <FeedbackSurveyEmail {...props} />,
}
