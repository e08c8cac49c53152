import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { placeOrder, type SeededStore } from "../../scripts/fixtures/store"
import { jsonLdScript } from "../../src/lib/json-ld"
import { translator } from "../../src/i18n"
import { REVIEW_LIMITS, REVIEWS_MODULE, type SubmitReviewInput } from "../../src/modules/reviews"
import type ReviewsModuleService from "../../src/modules/reviews/service"
import { applyReviewModerationStep, setReviewReplyStep, updateReviewSettingsStep } from "../../src/workflows/reviews"
import { freshTestStore, restorePluginOptions, testAppEnv } from "../helpers/followups"

jest.setTimeout(180_000)

const mailbox = testAppEnv()

const SCRIPT = "<script>alert(1)</script>"
const REVIEWER_EMAIL = "anna.reviewer@reviews.test"
const STORE_REVIEW_KEYS = ["author", "body", "created_at", "id", "images", "incentivized", "rating", "reply", "title", "updated_at", "verified"]

type Bought = { id: string; product_id: string; variant_id: string; order_id: string; customer_id: string | null }

// a workflow of the real moderation step and one that fails after it, to see the engine compensate the moderation
const failAfterModerationStep = createStep("pp-test-fail-after-moderation", async () => {
  throw new Error("a later step failed")
})
const moderateThenFailWorkflow = createWorkflow(
  "pp-test-moderate-then-fail",
  (input: { ids: string[]; action: "approve" | "reject"; reason?: string | null; by: string }) => {
    const reviews = applyReviewModerationStep(input)
    failAfterModerationStep()
    return new WorkflowResponse(reviews)
  }
)

// the same for a reply and the settings
const failAfterReplyAndSettingsStep = createStep("pp-test-fail-after-reply-and-settings", async () => {
  throw new Error("a later step failed")
})
const replyAndSaveThenFailWorkflow = createWorkflow(
  "pp-test-reply-and-save-then-fail",
  (input: { review_id: string; reply: string; verification_statement: string; by: string }) => {
    setReviewReplyStep({ id: input.review_id, reply: input.reply, by: input.by })
    updateReviewSettingsStep({ verification_statement: input.verification_statement, by: input.by })
    failAfterReplyAndSettingsStep()
    return new WorkflowResponse(true)
  }
)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }
    let adminActor: string

    beforeEach(async () => {
      ;({ store, admin } = await freshTestStore(getContainer(), { mailbox }))
      const [user] = await getContainer().resolve(Modules.USER).listUsers({ email: "admin@example.com" })
      adminActor = `user:${user.id}`
    })
    afterEach(() => restorePluginOptions())

    const reviews = (): ReviewsModuleService => getContainer().resolve(REVIEWS_MODULE)
    const settle = (promise: Promise<any>) => promise.then((response) => response, (e) => e.response)
    const storeHeaders = (extra: Record<string, string> = {}) => ({ headers: { "x-publishable-api-key": store.publishable_key, ...extra } })
    const storeGet = (path: string, extra: Record<string, string> = {}) => settle(api.get(path, storeHeaders(extra)))
    const adminGet = (path: string) => settle(api.get(path, admin))
    const adminPost = (path: string, body: unknown) => settle(api.post(path, body, admin))
    const productOf = (title: string) => store.variants.find((variant) => variant.product_title === title)!
    const summaryOf = (productId: string) => storeGet(`/store/post-purchase/products/${productId}/reviews/summary`)
    const listOf = (productId: string, query = "") => storeGet(`/store/post-purchase/products/${productId}/reviews${query}`)

    /** Places `orders` real orders, each of one of every named product, and returns their line items. */
    async function buy(orders: number, titles: string[]): Promise<Bought[]> {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const bought: Bought[] = []
      for (let n = 0; n < orders; n++) {
        const orderId = await placeOrder(container, store, {
          items: titles.map((title) => ({ variant_id: productOf(title).id, quantity: 1 })),
        })
        const {
          data: [order],
        } = await query.graph({
          entity: "order",
          fields: ["id", "customer_id", "items.id", "items.product_id", "items.variant_id"],
          filters: { id: orderId },
        })
        for (const item of order.items as any[]) {
          bought.push({ id: item.id, product_id: item.product_id, variant_id: item.variant_id, order_id: order.id, customer_id: order.customer_id })
        }
      }
      return bought
    }

    const reviewOf = (item: Bought, rating: number, overrides: Partial<SubmitReviewInput> = {}): SubmitReviewInput => ({
      product_id: item.product_id,
      variant_id: item.variant_id,
      order_id: item.order_id,
      line_item_id: item.id,
      customer_id: item.customer_id,
      reviewer_name: "Anna",
      reviewer_email: REVIEWER_EMAIL,
      rating,
      title: `${rating} stars`,
      body: `I give it ${rating} out of 5.`,
      images: [],
      verified: true,
      ...overrides,
    })

    const expectAggregateIsRecount = async (productId: string) => {
      expect(await reviews().reviewAggregate(productId)).toEqual(await reviews().recountAggregate(productId))
    }

    it("moderates a 1-star and a 5-star review alike; approval, rejection and edits move the store's aggregate and JSON-LD exactly once", async () => {
      const [low, high] = await buy(2, ["Linen Shirt"])
      const productId = low.product_id
      const one = await reviews().submitReview(reviewOf(low, 1))
      const five = await reviews().submitReview(reviewOf(high, 5, { verified: false }))

      const before = await summaryOf(productId)
      expect(before.status).toBe(200)
      expect(before.data).toEqual(
        expect.objectContaining({ product_id: productId, average: null, count: 0, stars: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 } })
      )
      expect(before.data.json_ld).toEqual({ "@context": "https://schema.org", "@type": "Product", name: "Linen Shirt", image: expect.any(String) })

      // a rejection must name a reason from the list; the refused call changes nothing
      for (const body of [
        { ids: [one.id, five.id], action: "reject" },
        { ids: [one.id, five.id], action: "reject", reason: null },
        { ids: [one.id, five.id], action: "reject", reason: "negative_review" },
        { ids: [one.id, five.id], action: "reject", reason: "low_rating" },
      ]) {
        const refused = await adminPost("/admin/post-purchase/reviews/moderate", body)
        expect([body.reason, refused.status]).toEqual([body.reason, 400])
        expect(refused.data.message).toMatch(/reason/)
      }
      // an unknown review among the ids: 404, and the known one is not approved either
      const unknown = await adminPost("/admin/post-purchase/reviews/moderate", {
        ids: [one.id, "pprv_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"],
        action: "approve",
      })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toContain("pprv_01JDZ9Q4J1K2M3N4P5Q6R7S8T9")
      expect((await reviews().listReviews({ id: [one.id, five.id] })).map((review) => review.status)).toEqual(["pending", "pending"])

      // both ratings through the same call
      const approved = await adminPost("/admin/post-purchase/reviews/moderate", { ids: [one.id, five.id], action: "approve" })
      expect(approved.status).toBe(200)
      expect(approved.data.reviews.map((review: any) => [review.rating, review.status, review.moderated_by]).sort()).toEqual([
        [1, "approved", adminActor],
        [5, "approved", adminActor],
      ])
      expect(approved.data.reviews[0].product).toEqual({ id: productId, title: "Linen Shirt", thumbnail: expect.any(String) })

      const served = await listOf(productId)
      expect(served.data.reviews.map((review: any) => review.rating).sort()).toEqual([1, 5])
      const summary = await summaryOf(productId)
      expect(summary.data).toEqual(
        expect.objectContaining({ average: 3, count: 2, stars: { "1": 1, "2": 0, "3": 0, "4": 0, "5": 1 }, verified_share: 0.5 })
      )
      expect(summary.data.json_ld.aggregateRating).toEqual({
        "@type": "AggregateRating",
        ratingValue: 3,
        reviewCount: 2,
        bestRating: 5,
        worstRating: 1,
      })
      expect(summary.data.json_ld.review.map((review: any) => review.reviewRating.ratingValue).sort()).toEqual([1, 5])
      expect(summary.data.json_ld.review[0]).toEqual(
        expect.objectContaining({ "@type": "Review", author: { "@type": "Person", name: "Anna" }, datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
      )
      // cacheable: the same answer again is a 304 for a storefront holding its ETag
      expect(summary.headers["cache-control"]).toMatch(/public, max-age=\d+/)
      const again = await storeGet(`/store/post-purchase/products/${productId}/reviews/summary`, { "if-none-match": summary.headers.etag })
      expect(again.status).toBe(304)

      // rejecting the approved 5 stars takes it out, and says why, who and when
      const rejectedAt = Date.now()
      const rejected = await adminPost("/admin/post-purchase/reviews/moderate", { ids: [five.id], action: "reject", reason: "spam_or_advertising" })
      expect(rejected.status).toBe(200)
      const stored = await reviews().retrieveReview(five.id)
      expect(stored).toEqual(expect.objectContaining({ status: "rejected", rejection_reason: "spam_or_advertising", rejected_by: adminActor }))
      expect(Math.abs(new Date(stored.rejected_at!).getTime() - rejectedAt)).toBeLessThan(10_000)
      const afterRejection = await summaryOf(productId)
      expect(afterRejection.data).toEqual(expect.objectContaining({ average: 1, count: 1, stars: expect.objectContaining({ "5": 0 }) }))
      expect(afterRejection.data.json_ld.aggregateRating).toEqual(expect.objectContaining({ ratingValue: 1, reviewCount: 1 }))
      expect(afterRejection.headers.etag).not.toBe(summary.headers.etag)
      expect((await listOf(productId)).data.reviews.map((review: any) => review.id)).toEqual([one.id])

      // the 1-star reviewer edits to 4 stars: out until approved again, then counted once
      await reviews().submitReview(reviewOf(low, 4, { body: "Better after a wash." }))
      expect((await summaryOf(productId)).data).toEqual(expect.objectContaining({ average: null, count: 0 }))
      await adminPost("/admin/post-purchase/reviews/moderate", { ids: [one.id], action: "approve" })
      await reviews().submitReview(reviewOf(low, 4, { body: "Better after a wash." }))
      const edited = await summaryOf(productId)
      expect(edited.data).toEqual(expect.objectContaining({ average: 4, count: 1, stars: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 } }))
      expect(edited.data.json_ld.aggregateRating).toEqual(expect.objectContaining({ ratingValue: 4, reviewCount: 1 }))
      await expectAggregateIsRecount(productId)

      // a workflow failing after the moderation step puts the reviews and the aggregate back
      const failed = await moderateThenFailWorkflow(getContainer()).run({
        input: { ids: [one.id, five.id], action: "approve", by: adminActor },
        throwOnError: false,
      })
      expect(failed.transaction.getState()).toBe("reverted")
      expect(failed.errors.map((error: any) => error.error.message)).toEqual(["a later step failed"])

      expect((await reviews().listReviews({ id: [one.id, five.id] }, { order: { rating: "ASC" } })).map((review) => review.status)).toEqual([
        "approved",
        "rejected",
      ])
      expect((await reviews().retrieveReview(five.id)).rejection_reason).toBe("spam_or_advertising")
      expect((await summaryOf(productId)).data).toEqual(expect.objectContaining({ average: 4, count: 1 }))
      await expectAggregateIsRecount(productId)
    })

    it("serves only approved reviews, paginated and sorted, as plain text without emails or ids, with flags and the shop's reply", async () => {
      const items = await buy(4, ["Linen Shirt"])
      const productId = items[0].product_id
      const photo = (n: number) => `https://cdn.shop.test/review-${n}.jpg`
      const three = await reviews().submitReview(reviewOf(items[0], 3))
      const five = await reviews().submitReview(reviewOf(items[1], 5, { images: [photo(1)], verified: false }))
      const hostile = await reviews().submitReview(
        reviewOf(items[2], 1, { title: SCRIPT, body: `${SCRIPT} & </SCRIPT><img src=x onerror=alert(2)>`, reviewer_name: SCRIPT })
      )
      const pending = await reviews().submitReview(reviewOf(items[3], 4))
      // a reward earned for reviewing, whatever the rating: the store must say so
      await reviews().updateReviews([{ id: five.id, incentivized: true }])
      await adminPost("/admin/post-purchase/reviews/moderate", { ids: [three.id, five.id, hostile.id], action: "approve" })

      const ids = async (query: string) => (await listOf(productId, query)).data.reviews.map((review: any) => review.id)
      expect(await ids("")).toEqual([hostile.id, five.id, three.id])
      expect(await ids("?sort=newest")).toEqual([hostile.id, five.id, three.id])
      expect(await ids("?sort=highest")).toEqual([five.id, three.id, hostile.id])
      expect(await ids("?sort=lowest")).toEqual([hostile.id, three.id, five.id])
      // the one with a photo first, though a review without is newer; then the newest
      expect(await ids("?sort=with_photos")).toEqual([five.id, hostile.id, three.id])

      const first = await listOf(productId, "?sort=lowest&limit=2")
      expect(first.data).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 0 }))
      expect(first.data.reviews.map((review: any) => review.id)).toEqual([hostile.id, three.id])
      const second = await listOf(productId, "?sort=lowest&limit=2&offset=2")
      expect(second.data.reviews.map((review: any) => review.id)).toEqual([five.id])
      expect(second.data.count).toBe(3)

      const page = await listOf(productId)
      const raw = JSON.stringify(page.data)
      for (const secret of [REVIEWER_EMAIL, pending.id, items[0].order_id, items[0].id, store.customer.id, "line_item", "customer_id", "order_id"]) {
        expect([secret, raw.includes(secret)]).toEqual([secret, false])
      }
      for (const review of page.data.reviews) {
        expect(Object.keys(review).sort()).toEqual(STORE_REVIEW_KEYS)
      }
      const byId = (id: string) => page.data.reviews.find((review: any) => review.id === id)
      expect(byId(five.id)).toEqual(expect.objectContaining({ verified: false, incentivized: true, author: "Anna", reply: null }))
      expect(byId(three.id)).toEqual(expect.objectContaining({ verified: true, incentivized: false }))

      // the review's text comes back as the reviewer typed it, as JSON text: escaping is the page's job
      expect(page.headers["content-type"]).toMatch(/^application\/json/)
      expect(byId(hostile.id)).toEqual(
        expect.objectContaining({ title: SCRIPT, author: SCRIPT, body: `${SCRIPT} & </SCRIPT><img src=x onerror=alert(2)>` })
      )
      const summary = (await summaryOf(productId)).data
      expect(summary.json_ld.review.find((review: any) => review.author.name === SCRIPT).name).toBe(SCRIPT)
      // the storefront's helper writes it into a <script type="application/ld+json"> that the text cannot close
      const script = jsonLdScript(summary.json_ld)
      expect(script).not.toContain("<")
      expect(script.toLowerCase()).not.toContain("</script")
      expect(JSON.parse(script)).toEqual(summary.json_ld)
      // and the admin's list gives it as text too
      const adminList = await adminGet("/admin/post-purchase/reviews?q=alert(1)")
      expect(adminList.headers["content-type"]).toMatch(/^application\/json/)
      expect(adminList.data.reviews.map((review: any) => [review.id, review.title, review.reviewer_name, review.reviewer_email])).toEqual([
        [hostile.id, SCRIPT, SCRIPT, REVIEWER_EMAIL],
      ])

      // the shop's public reply shows with the review, and goes when removed
      const replied = await adminPost(`/admin/post-purchase/reviews/${three.id}/reply`, { reply: "  Thank you, Anna — glad it fits.  " })
      expect(replied.status).toBe(200)
      expect(replied.data.review).toEqual(expect.objectContaining({ reply: "Thank you, Anna — glad it fits.", replied_by: adminActor }))
      const withReply = byIdIn((await listOf(productId)).data, three.id)
      expect(withReply.reply).toEqual({ body: "Thank you, Anna — glad it fits.", created_at: expect.any(String) })
      await adminPost(`/admin/post-purchase/reviews/${three.id}/reply`, { reply: null })
      expect(byIdIn((await listOf(productId)).data, three.id).reply).toBeNull()

      // the admin's queue: every status, filtered, with the product
      const queue = await adminGet(`/admin/post-purchase/reviews?status=pending&product_id=${productId}`)
      expect(queue.data).toEqual(expect.objectContaining({ count: 1, limit: 20, offset: 0 }))
      expect(queue.data.reviews[0]).toEqual(
        expect.objectContaining({ id: pending.id, reviewer_email: REVIEWER_EMAIL, order_id: items[3].order_id, product: expect.objectContaining({ title: "Linen Shirt" }) })
      )
      const ones = await adminGet("/admin/post-purchase/reviews?rating=1&rating=5&order=rating")
      expect(ones.data.reviews.map((review: any) => review.rating)).toEqual([1, 5])

      // the product page's widget: the stored numbers and the latest reviews of any status
      const widget = await adminGet(`/admin/post-purchase/products/${productId}/reviews`)
      expect(widget.data.aggregate).toEqual({ average: 3, count: 3, stars: { "1": 1, "2": 0, "3": 1, "4": 0, "5": 1 }, verified_share: 0.667 })
      expect(widget.data.reviews[0]).toEqual(expect.objectContaining({ id: pending.id, status: "pending" }))

      // a product the key's storefront cannot see has no reviews to serve
      const missing = await listOf("prod_01JDZ9Q4J1K2M3N4P5Q6R7S8T9")
      expect(missing.status).toBe(404)
      expect((await summaryOf("prod_01JDZ9Q4J1K2M3N4P5Q6R7S8T9")).status).toBe(404)
    })

    it("shows approval rates per star and period, the shop's verification statement with the verified shares, and names the field of bad input", async () => {
      const items = await buy(3, ["Linen Shirt", "Organic Coffee Beans"])
      const shirts = items.filter((item) => item.variant_id === productOf("Linen Shirt").id)
      const coffees = items.filter((item) => item.variant_id === productOf("Organic Coffee Beans").id)
      const shirtOne = await reviews().submitReview(reviewOf(shirts[0], 1))
      const shirtOneAgain = await reviews().submitReview(reviewOf(shirts[1], 1, { verified: false }))
      const shirtFive = await reviews().submitReview(reviewOf(shirts[2], 5))
      const coffeeFive = await reviews().submitReview(reviewOf(coffees[0], 5, { verified: false }))
      await reviews().submitReview(reviewOf(coffees[1], 3))
      await adminPost("/admin/post-purchase/reviews/moderate", { ids: [shirtOne.id, shirtFive.id, coffeeFive.id], action: "approve" })
      await adminPost("/admin/post-purchase/reviews/moderate", { ids: [shirtOneAgain.id], action: "reject", reason: "personal_data" })

      const weekly = await adminGet("/admin/post-purchase/reviews/approval-rates?period=week")
      expect(weekly.status).toBe(200)
      expect(weekly.data.periods.length).toBeGreaterThanOrEqual(12)
      const thisWeek = weekly.data.periods[weekly.data.periods.length - 1]
      expect(new Date(thisWeek.start).getUTCDay()).toBe(1)
      expect(thisWeek.stars).toEqual({
        "1": { moderated: 2, approved: 1, rate: 0.5 },
        "2": { moderated: 0, approved: 0, rate: null },
        "3": { moderated: 0, approved: 0, rate: null },
        "4": { moderated: 0, approved: 0, rate: null },
        "5": { moderated: 2, approved: 2, rate: 1 },
      })
      const monthly = await adminGet(`/admin/post-purchase/reviews/approval-rates?period=month&from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`)
      expect(monthly.data.periods).toHaveLength(new Date(Date.now() - 3600_000).getUTCMonth() === new Date().getUTCMonth() ? 1 : 2)
      expect(monthly.data.periods.at(-1).stars["1"]).toEqual({ moderated: 2, approved: 1, rate: 0.5 })

      // the default statement says only what the plugin checks, until the shop writes its own
      const english = "Reviews marked “Verified purchase” were written through a link sent to the buyer after delivery. Other reviews are not checked."
      const shirtSummary = await summaryOf(shirtOne.product_id)
      expect(shirtSummary.data.verification).toEqual({ statement: english, verified_share_store: 0.667 })
      expect(shirtSummary.data.verified_share).toBe(1)
      const dutch = await storeGet(`/store/post-purchase/products/${shirtOne.product_id}/reviews/summary?locale=nl-NL`)
      expect(dutch.data.verification.statement).toBe(translator("nl").t("reviews.verification.default"))
      expect(dutch.data.verification.statement).toMatch(/^Reviews met het label “Geverifieerde aankoop”/)
      const german = await storeGet(`/store/post-purchase/products/${shirtOne.product_id}/reviews/summary`, { "x-medusa-locale": "de-DE" })
      expect(german.data.verification.statement).toMatch(/^Bewertungen mit dem Hinweis „Verifizierter Kauf“/)
      // a language the plugin doesn't write: English
      const japanese = await storeGet(`/store/post-purchase/products/${shirtOne.product_id}/reviews/summary?locale=ja-JP`)
      expect(japanese.data.verification.statement).toBe(english)
      expect((await adminGet("/admin/post-purchase/reviews/settings")).data.settings).toEqual(
        expect.objectContaining({ verification_statement: null, default_verification_statement: english })
      )
      const statement = "Our team matches every review to an order before publishing it. Reviews marked “Verified purchase” came from the buyer’s link."
      const saved = await adminPost("/admin/post-purchase/reviews/settings", { verification_statement: statement })
      expect(saved.status).toBe(200)
      expect(saved.data.settings).toEqual(expect.objectContaining({ verification_statement: statement, updated_by: adminActor }))
      const withStatement = await summaryOf(coffeeFive.product_id)
      expect(withStatement.data.verification).toEqual({ statement, verified_share_store: 0.667 })
      expect(withStatement.data.verified_share).toBe(0)

      // a workflow failing after a reply and a settings save takes both back
      await adminPost(`/admin/post-purchase/reviews/${shirtFive.id}/reply`, { reply: "Thank you!" })
      const failed = await replyAndSaveThenFailWorkflow(getContainer()).run({
        input: { review_id: shirtFive.id, reply: "Overwritten?", verification_statement: "Overwritten?", by: "user:user_other" },
        throwOnError: false,
      })
      expect(failed.errors.map((error: any) => error.error.message)).toEqual(["a later step failed"])
      expect(await reviews().retrieveReview(shirtFive.id)).toEqual(expect.objectContaining({ reply: "Thank you!", replied_by: adminActor }))
      expect(await reviews().reviewSettings()).toEqual(expect.objectContaining({ verification_statement: statement, updated_by: adminActor }))

      // bad input: a 400 that names the field, and nothing stored
      const longReply = "x".repeat(REVIEW_LIMITS.replyLength + 1)
      const longStatement = "x".repeat(REVIEW_LIMITS.verificationStatementLength + 1)
      for (const [what, response, field] of [
        ["sort=foo", await listOf(shirtOne.product_id, "?sort=foo"), "sort"],
        ["limit=0", await listOf(shirtOne.product_id, "?limit=0"), "limit"],
        ["limit=51", await listOf(shirtOne.product_id, "?limit=51"), "limit"],
        ["an unknown query field", await listOf(shirtOne.product_id, "?status=pending"), "status"],
        ["rating=9", await adminGet("/admin/post-purchase/reviews?rating=9"), "rating"],
        ["status=hidden", await adminGet("/admin/post-purchase/reviews?status=hidden"), "status"],
        ["period=year", await adminGet("/admin/post-purchase/reviews/approval-rates?period=year"), "period"],
        ["from after to", await adminGet("/admin/post-purchase/reviews/approval-rates?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z"), "from"],
        ["a long reply", await adminPost(`/admin/post-purchase/reviews/${shirtOne.id}/reply`, { reply: longReply }), "reply"],
        ["an empty reply", await adminPost(`/admin/post-purchase/reviews/${shirtOne.id}/reply`, { reply: "   " }), "reply"],
        ["a bad review id", await adminPost("/admin/post-purchase/reviews/not-an-id/reply", { reply: "Thanks" }), "id"],
        ["a long statement", await adminPost("/admin/post-purchase/reviews/settings", { verification_statement: longStatement }), "verification_statement"],
        ["no ids", await adminPost("/admin/post-purchase/reviews/moderate", { ids: [], action: "approve" }), "ids"],
        ["a bad action", await adminPost("/admin/post-purchase/reviews/moderate", { ids: [shirtOne.id], action: "hide" }), "action"],
      ] as const) {
        expect([what, response.status]).toEqual([what, 400])
        expect([what, response.data.message]).toEqual([what, expect.stringContaining(field)])
      }
      expect((await reviews().retrieveReview(shirtOne.id)).reply).toBeNull()
      expect((await reviews().reviewSettings()).verification_statement).toBe(statement)
      expect((await reviews().retrieveReview(shirtOne.id)).status).toBe("approved")
    })
  },
})

function byIdIn(page: { reviews: any[] }, id: string) {
  return page.reviews.find((review) => review.id === id)
}
