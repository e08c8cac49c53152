import { signLink } from "../signed-link"
import { readSurveyToken, SURVEY_LINK_DAYS, surveyScoreUrls, surveyToken } from "../survey-link"
import { withdrawalUrl } from "../withdrawal-link"
import { parsePluginOptions } from "../../modules/post-purchase/options"

const key = { id: "2026-11", secret: "a-secret-of-at-least-thirty-two-characters" }
const now = new Date("2026-11-26T12:00:00Z")
const order = { id: "order_01SURVEY", email: "anna@example.com", locale: "nl-NL" }
const options = parsePluginOptions({ brand: { name: "Acme" }, storefrontUrl: "https://shop.example", backendUrl: "https://api.shop.example/" })

describe("survey links", () => {
  it("names the order, its buyer and the language, and works for 60 days", () => {
    const token = surveyToken(order, [key], now)
    expect(readSurveyToken(token, [key], now)).toEqual({
      valid: true,
      order_id: order.id,
      email: order.email,
      locale: "nl-NL",
      expires_at: new Date(now.getTime() + SURVEY_LINK_DAYS * 24 * 60 * 60 * 1000),
    })
    const lastMinute = new Date(now.getTime() + SURVEY_LINK_DAYS * 24 * 60 * 60 * 1000 - 60_000)
    expect(readSurveyToken(token, [key], lastMinute).valid).toBe(true)
    expect(readSurveyToken(token, [key], new Date(lastMinute.getTime() + 60_000))).toEqual({ valid: false, reason: "expired" })
  })

  it("gives eleven links, 0 to 10, on the backend, each with the same token and its own score", () => {
    const token = surveyToken(order, [key], now)
    const urls = surveyScoreUrls(token, options)
    expect(urls).toHaveLength(11)
    urls.forEach((url, score) => {
      const parsed = new URL(url)
      expect(`${parsed.origin}${parsed.pathname}`).toBe("https://api.shop.example/hooks/post-purchase/feedback")
      expect(parsed.searchParams.get("score")).toBe(String(score))
      expect(parsed.searchParams.get("token")).toBe(token)
    })
  })

  it("refuses a token changed to another order, another purpose's token, and one without an order", () => {
    const token = surveyToken(order, [key], now)
    const [v, kid, , sig] = token.split(".")
    const forged = Buffer.from(JSON.stringify({ purpose: "survey", order_id: "order_OTHER", email: order.email, exp: 1900000000 })).toString("base64url")
    expect(readSurveyToken(`${v}.${kid}.${forged}.${sig}`, [key], now)).toEqual({ valid: false, reason: "bad signature" })

    const withdrawal = new URL(withdrawalUrl(order, options, [key], now)).searchParams.get("token")!
    expect(readSurveyToken(withdrawal, [key], now)).toEqual({ valid: false, reason: "wrong purpose" })

    const noOrder = signLink({ purpose: "survey", email: order.email }, new Date(now.getTime() + 60_000), [key])
    expect(readSurveyToken(noOrder, [key], now)).toEqual({ valid: false, reason: "malformed" })
  })
})
