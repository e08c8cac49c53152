import { parsePluginOptions } from "../../modules/post-purchase/options"
import { readReviewToken, reviewUrl, signReviewToken } from "../review-link"
import { signLink } from "../signed-link"

const key = { id: "2026-11", secret: "a-secret-of-at-least-thirty-two-characters" }
const now = new Date("2026-11-26T12:00:00Z")
const DAY_MS = 24 * 60 * 60 * 1000
const options = parsePluginOptions({ backendUrl: "https://api.acme.example/" })
const anna = { order_id: "order_1", line_item_id: "ordli_1", customer_id: "cus_1", email: "anna@example.com", locale: "nl-NL" }

describe("review links", () => {
  it("binds a token to the line item, the order and the buyer, for reviews.linkDays", () => {
    const token = signReviewToken(anna, options, [key], now)
    expect(readReviewToken(token, [key], now)).toEqual({ valid: true, ...anna, expires_at: new Date(now.getTime() + 60 * DAY_MS) })
    // a guest's token names the order's email, and no customer
    const guest = readReviewToken(signReviewToken({ ...anna, customer_id: null, locale: null }, options, [key], now), [key], now)
    expect(guest).toEqual(expect.objectContaining({ valid: true, customer_id: null, email: "anna@example.com", locale: null }))
    const shorter = parsePluginOptions({ reviews: { linkDays: 30 } })
    expect(readReviewToken(signReviewToken(anna, shorter, [key], now), [key], new Date(now.getTime() + 31 * DAY_MS))).toEqual({
      valid: false,
      reason: "expired",
    })
  })

  it("refuses a tampered token, another purpose's token and one without its line item", () => {
    const token = signReviewToken(anna, options, [key], now)
    const [v, kid, body, sig] = token.split(".")
    const claims = JSON.parse(Buffer.from(body, "base64url").toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, line_item_id: "ordli_2" })).toString("base64url")
    expect(readReviewToken(`${v}.${kid}.${forged}.${sig}`, [key], now)).toEqual({ valid: false, reason: "bad signature" })
    const withdrawal = signLink({ purpose: "withdraw", order_id: "order_1", email: "anna@example.com" }, new Date(now.getTime() + DAY_MS), [key])
    expect(readReviewToken(withdrawal, [key], now)).toEqual({ valid: false, reason: "wrong purpose" })
    const partial = signLink({ purpose: "review", order_id: "order_1", email: "anna@example.com" }, new Date(now.getTime() + DAY_MS), [key])
    expect(readReviewToken(partial, [key], now)).toEqual({ valid: false, reason: "malformed" })
  })

  it("points the star links at the hosted form, or at the shop's own form with the token and rating filled in", () => {
    expect(reviewUrl("v1.k.a-b.c_d", 4, options)).toBe("https://api.acme.example/hooks/post-purchase/review?token=v1.k.a-b.c_d&rating=4")
    expect(reviewUrl("v1.k.a-b.c_d", null, options)).toBe("https://api.acme.example/hooks/post-purchase/review?token=v1.k.a-b.c_d")
    const shop = parsePluginOptions({ reviews: { formUrl: "https://acme.example/review/{token}?stars={rating}" } })
    expect(reviewUrl("v1.k.a-b.c_d", 5, shop)).toBe("https://acme.example/review/v1.k.a-b.c_d?stars=5")
    expect(reviewUrl("v1.k.a-b.c_d", null, shop)).toBe("https://acme.example/review/v1.k.a-b.c_d?stars=")
  })
})
