import { feedbackSurveyFlow } from "../../flows/feedback-survey"
import { translator } from "../../i18n"
import { readSurveyToken } from "../../lib/survey-link"
import { parsePluginOptions } from "../../modules/post-purchase/options"
import { FeedbackSurveyEmail, type FeedbackSurveyEmailProps } from "../feedback-survey"
import { renderEmail } from "../render"
import { sampleBrand, sampleStorefrontUrl } from "../sample-data"

const props: FeedbackSurveyEmailProps = FeedbackSurveyEmail.PreviewProps

/** The score links in the order they appear: the number each shows and where it goes. */
function scoreLinks(html: string) {
  return [...html.matchAll(/<a\b([^>]*\bdata-score="(\d+)"[^>]*)>([^<]*)<\/a>/g)].map(([, attributes, score, label]) => ({
    score: Number(score),
    label,
    href: /href="([^"]+)"/.exec(attributes)![1].replace(/&amp;/g, "&"),
    title: /title="([^"]+)"/.exec(attributes)?.[1],
  }))
}

describe("FeedbackSurveyEmail", () => {
  it("asks how likely the customer is to recommend the shop, with 0 to 10 as eleven links in one row of table cells", async () => {
    const { html } = await renderEmail(<FeedbackSurveyEmail {...props} />)
    expect(html).toContain("How did we do, Anna?")
    expect(html).toContain("How likely are you to recommend Acme Outfitters to a friend?")
    expect(html).toContain("0 = not likely, 10 = very likely")
    const links = scoreLinks(html)
    expect(links.map((link) => [link.score, link.label])).toEqual(Array.from({ length: 11 }, (_, n) => [n, String(n)]))
    links.forEach((link, score) => {
      expect(link.href).toBe(props.scoreUrls[score])
      expect(link.title).toBe(`${score} out of 10`)
    })
    // one row, each number in its own cell
    const first = html.indexOf('data-score="0"')
    const row = html.slice(html.lastIndexOf("<tr", first), html.indexOf("</tr>", first))
    expect(row.match(/<td\b/g)).toHaveLength(11)
    expect(row.match(/data-score=/g)).toHaveLength(11)
  })

  it("has a plain-text part with the question and every score's link", async () => {
    const { text } = await renderEmail(<FeedbackSurveyEmail {...props} />)
    expect(text).toContain("How likely are you to recommend Acme Outfitters to a friend?")
    for (const url of props.scoreUrls) {
      expect(text).toContain(url)
    }
    expect(text).not.toMatch(/undefined|NaN|null/)
  })

  it("speaks the customer's language", async () => {
    const cases: [string, string, string][] = [
      ["nl-NL", "Hoe waarschijnlijk is het dat je Acme Outfitters aanbeveelt aan een vriend?", "0 = niet waarschijnlijk, 10 = zeer waarschijnlijk"],
      ["de-DE", "Wie wahrscheinlich ist es, dass du Acme Outfitters einem Freund empfiehlst?", "0 = unwahrscheinlich, 10 = sehr wahrscheinlich"],
      ["fr-FR", "Quelle est la probabilité que vous recommandiez Acme Outfitters à un ami ?", "0 = peu probable, 10 = très probable"],
    ]
    for (const [locale, question, scale] of cases) {
      const { text } = await renderEmail(<FeedbackSurveyEmail {...props} i18n={translator(locale)} />)
      expect(text).toContain(question)
      expect(text).toContain(scale)
    }
  })

  it("carries the unsubscribe link it is given, as marketing email", async () => {
    const { html } = await renderEmail(<FeedbackSurveyEmail {...props} unsubscribeUrl="https://api.example/unsubscribe?token=abc" />)
    expect(html).toContain('href="https://api.example/unsubscribe?token=abc"')
  })
})

describe("the feedback-survey flow", () => {
  const options = parsePluginOptions({ brand: sampleBrand, storefrontUrl: sampleStorefrontUrl, backendUrl: "https://api.acme.example" })
  const keys = [{ id: "k1", secret: "a-secret-of-at-least-thirty-two-characters" }]
  const now = new Date("2026-11-26T12:00:00Z")
  const order = {
    id: "order_01SURVEY",
    status: "completed",
    email: "anna@example.com",
    display_id: 1001,
    currency_code: "eur",
    created_at: "2026-11-20T10:00:00Z",
    items: [],
  }

  it("is marketing, three days after the delivery, never before it", () => {
    expect(feedbackSurveyFlow).toEqual(
      expect.objectContaining({ category: "marketing", anchor: "delivered", notBeforeDelivery: true, defaultDelaySeconds: 3 * 24 * 60 * 60 })
    )
  })

  it("signs each score's link for the order's buyer, in the email's language", () => {
    const built = feedbackSurveyFlow.buildProps({
      order,
      options,
      brand: options.brand,
      i18n: translator("de-DE"),
      followup: { locale: "de-DE", metadata: null },
      signingKeys: keys,
      now,
    })
    expect(built.scoreUrls).toHaveLength(11)
    built.scoreUrls.forEach((url, score) => {
      const parsed = new URL(url)
      expect(parsed.pathname).toBe("/hooks/post-purchase/feedback")
      expect(parsed.searchParams.get("score")).toBe(String(score))
      expect(readSurveyToken(parsed.searchParams.get("token")!, keys, now)).toEqual(
        expect.objectContaining({ valid: true, order_id: order.id, email: order.email, locale: "de-DE" })
      )
    })
  })

  it("puts no signed token in a preview or a test email with a real order", () => {
    const built = feedbackSurveyFlow.buildProps({ order, options, brand: options.brand, i18n: translator("en"), preview: true, signingKeys: keys, now })
    expect(built.scoreUrls.every((url) => new URL(url).searchParams.get("token") === "preview")).toBe(true)
  })
})
