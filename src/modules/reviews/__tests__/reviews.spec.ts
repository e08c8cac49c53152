import { initModules, moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REVIEWS_MODULE, type SubmitReviewInput } from ".."
import { REVIEW_LIMITS } from "../constants"
import { ReviewAggregate } from "../models/review-aggregate"
import { ReviewSettings } from "../models/review-settings"
import { ReviewStoreAggregate } from "../models/review-store-aggregate"
import { Review } from "../models/review"
import ReviewsModuleService from "../service"

jest.setTimeout(60_000)

const PRODUCT = "prod_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"
const OTHER_PRODUCT = "prod_01JDZ9Q4J1K2M3N4P5Q6R7S8TA"
const ADMIN = "user:user_01"

let items = 0
/** A review of a fresh line item of PRODUCT, unless told otherwise. */
const review = (rating: number, overrides: Partial<SubmitReviewInput> = {}): SubmitReviewInput => ({
  product_id: PRODUCT,
  variant_id: "variant_01",
  order_id: "order_01",
  line_item_id: `ordli_${++items}`,
  customer_id: "cus_01",
  reviewer_name: "Anna",
  reviewer_email: "anna@example.com",
  rating,
  title: `${rating} stars`,
  body: "Fits well.",
  images: [],
  verified: true,
  ...overrides,
})

moduleIntegrationTestRunner<ReviewsModuleService>({
  moduleName: REVIEWS_MODULE,
  resolve: "./src/modules/reviews",
  moduleModels: [Review, ReviewAggregate, ReviewStoreAggregate, ReviewSettings],
  testSuite: ({ service }) => {
    /** The product's stored numbers, after checking that they, and the store's, equal a recount of the reviews. */
    const aggregate = async (productId = PRODUCT) => {
      const stored = await service.reviewAggregate(productId)
      expect(stored).toEqual(await service.recountAggregate(productId))
      expect(await service.storeAggregate()).toEqual(await service.recountStoreAggregate())
      return stored
    }

    it("keeps one review per line item: submitting again edits it, and it waits for moderation again", async () => {
      const first = await service.submitReview(review(2, { line_item_id: "ordli_same" }))
      expect(first.status).toBe("pending")
      await service.moderateReviews({ ids: [first.id], action: "approve", by: ADMIN })

      const edited = await service.submitReview(
        review(4, { line_item_id: "ordli_same", title: "Better after a wash", body: "Softer now.", verified: false })
      )
      expect(edited.id).toBe(first.id)
      const stored = await service.listReviews({ line_item_id: "ordli_same" })
      expect(stored).toHaveLength(1)
      expect(stored[0]).toEqual(
        expect.objectContaining({ rating: 4, title: "Better after a wash", body: "Softer now.", status: "pending", verified: true })
      )
      // the approved 2 stars no longer count, the pending 4 stars not yet
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 0, rating_sum: 0, star_2: 0, star_4: 0 }))

      // the same content again (a double submit) keeps the review as it stands
      await service.moderateReviews({ ids: [first.id], action: "approve", by: ADMIN })
      await service.submitReview(review(4, { line_item_id: "ordli_same", title: "Better after a wash", body: "Softer now." }))
      expect((await service.retrieveReview(first.id)).status).toBe("approved")
    })

    it("moves the aggregate exactly through approve, reject, re-approve, an edited rating and approving twice", async () => {
      const three = await service.submitReview(review(3))
      const five = await service.submitReview(review(5))
      await service.submitReview(review(4, { product_id: OTHER_PRODUCT }))
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 0, rating_sum: 0 }))

      await service.moderateReviews({ ids: [three.id, five.id], action: "approve", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, rating_sum: 8, star_3: 1, star_5: 1 }))

      await service.moderateReviews({ ids: [five.id], action: "reject", reason: "spam_or_advertising", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, rating_sum: 3, star_3: 1, star_5: 0 }))

      await service.moderateReviews({ ids: [five.id], action: "approve", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, rating_sum: 8, star_5: 1 }))

      // the reviewer changes 3 stars to 1 and it is approved again
      await service.submitReview(review(1, { line_item_id: three.line_item_id }))
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, rating_sum: 5, star_3: 0, star_1: 0 }))
      await service.moderateReviews({ ids: [three.id], action: "approve", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, rating_sum: 6, star_1: 1, star_3: 0, star_5: 1 }))

      // approving again, also twice at once and with the id twice, counts nothing more
      await Promise.all([
        service.moderateReviews({ ids: [five.id, five.id], action: "approve", by: ADMIN }),
        service.moderateReviews({ ids: [five.id], action: "approve", by: "user:user_02" }),
      ])
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, rating_sum: 6, star_5: 1 }))
      // the other product's review was never approved
      expect(await aggregate(OTHER_PRODUCT)).toEqual(expect.objectContaining({ approved_count: 0 }))
    })

    it("takes a 1-star and a 5-star review through the same path", async () => {
      const low = await service.submitReview(review(1))
      const high = await service.submitReview(review(5))
      expect([low.status, high.status]).toEqual(["pending", "pending"])

      const approved = await service.moderateReviews({ ids: [low.id, high.id], action: "approve", by: ADMIN })
      expect(approved.map((r) => r.status)).toEqual(["approved", "approved"])
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, star_1: 1, star_5: 1 }))

      const rejected = await service.moderateReviews({ ids: [low.id, high.id], action: "reject", reason: "off_topic", by: ADMIN })
      expect(rejected.map((r) => [r.status, r.rejection_reason])).toEqual([
        ["rejected", "off_topic"],
        ["rejected", "off_topic"],
      ])
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 0, star_1: 0, star_5: 0 }))
    })

    it("refuses a rejection without a listed reason and changes nothing; stores the reason with who rejected and when", async () => {
      const approved = await service.submitReview(review(1))
      const pending = await service.submitReview(review(2))
      await service.moderateReviews({ ids: [approved.id], action: "approve", by: ADMIN })

      for (const reason of [undefined, null, "", "negative", "low_rating"]) {
        await expect(
          service.moderateReviews({ ids: [approved.id, pending.id], action: "reject", reason, by: ADMIN })
        ).rejects.toThrow(/"reason" is required to reject a review and must be one of abusive_or_hateful, spam_or_advertising, personal_data, off_topic, false_or_misleading/)
      }
      expect((await service.retrieveReview(approved.id)).status).toBe("approved")
      expect((await service.retrieveReview(pending.id)).status).toBe("pending")
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, star_1: 1 }))

      const before = new Date()
      await service.moderateReviews({ ids: [approved.id], action: "reject", reason: "personal_data", by: "user:user_07" })
      const rejected = await service.retrieveReview(approved.id)
      expect(rejected).toEqual(
        expect.objectContaining({ status: "rejected", rejection_reason: "personal_data", rejected_by: "user:user_07", moderated_by: "user:user_07" })
      )
      expect(new Date(rejected.rejected_at!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
      expect(new Date(rejected.rejected_at!).getTime()).toBeLessThanOrEqual(Date.now())
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 0, star_1: 0 }))

      // an unknown id fails the whole call
      await expect(service.moderateReviews({ ids: [pending.id, "pprv_missing"], action: "approve", by: ADMIN })).rejects.toThrow(
        "Reviews not found: pprv_missing"
      )
      expect((await service.retrieveReview(pending.id)).status).toBe("pending")
    })

    it("counts approved verified purchases with the aggregate, also when an edit makes a review verified", async () => {
      const linked = await service.submitReview(review(5))
      const unlinked = await service.submitReview(review(2, { verified: false }))
      await service.moderateReviews({ ids: [linked.id, unlinked.id], action: "approve", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, verified_count: 1 }))

      // the buyer comes back through the link and edits: verified now, pending again, then approved
      await service.submitReview(review(3, { line_item_id: unlinked.line_item_id, verified: true }))
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, verified_count: 1 }))
      await service.moderateReviews({ ids: [unlinked.id], action: "approve", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 2, verified_count: 2, rating_sum: 8 }))

      await service.moderateReviews({ ids: [linked.id], action: "reject", reason: "off_topic", by: ADMIN })
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, verified_count: 1 }))
      expect(await service.storeVerifiedShare()).toBe(1)
    })

    it("keeps the store's aggregate with the products', also when moderations of several products run at once", async () => {
      const THIRD_PRODUCT = "prod_01JDZ9Q4J1K2M3N4P5Q6R7S8TB"
      expect(await service.storeVerifiedShare()).toBeNull()
      // each call holds a review of PRODUCT and one of OTHER_PRODUCT, in opposite orders
      const [a1, b1, b2, a2, c1] = [
        await service.submitReview(review(5)),
        await service.submitReview(review(4, { product_id: OTHER_PRODUCT, verified: false })),
        await service.submitReview(review(2, { product_id: OTHER_PRODUCT })),
        await service.submitReview(review(1, { verified: false })),
        await service.submitReview(review(3, { product_id: THIRD_PRODUCT })),
      ]
      await Promise.all([
        service.moderateReviews({ ids: [a1.id, b1.id], action: "approve", by: ADMIN }),
        service.moderateReviews({ ids: [b2.id, a2.id], action: "approve", by: ADMIN }),
        service.moderateReviews({ ids: [c1.id], action: "approve", by: ADMIN }),
      ])
      await aggregate(OTHER_PRODUCT)
      expect(await service.storeAggregate()).toEqual(
        expect.objectContaining({ approved_count: 5, rating_sum: 15, verified_count: 3, star_1: 1, star_2: 1, star_3: 1, star_4: 1, star_5: 1 })
      )
      expect(await service.storeVerifiedShare()).toBe(0.6)

      // a rejection, an edit back to pending, and a restored moderation move it too
      const { previous } = await service.applyModeration({ ids: [c1.id], action: "reject", reason: "off_topic", by: ADMIN })
      await service.moderateReviews({ ids: [a2.id], action: "reject", reason: "spam_or_advertising", by: ADMIN })
      await service.submitReview(review(3, { line_item_id: b1.line_item_id, product_id: OTHER_PRODUCT, verified: false }))
      expect(await aggregate(THIRD_PRODUCT)).toEqual(expect.objectContaining({ approved_count: 0 }))
      expect(await service.storeVerifiedShare()).toBe(1)
      await service.restoreModeration(previous)
      expect(await aggregate(THIRD_PRODUCT)).toEqual(expect.objectContaining({ approved_count: 1 }))
      expect(await service.storeAggregate()).toEqual(expect.objectContaining({ approved_count: 3, verified_count: 3, rating_sum: 10 }))
    })

    it("puts a moderation back as it was, aggregate included (a failed workflow's compensation)", async () => {
      const approved = await service.submitReview(review(4))
      const pending = await service.submitReview(review(1, { verified: false }))
      await service.moderateReviews({ ids: [approved.id], action: "approve", by: "user:user_09" })
      const before = await service.retrieveReview(approved.id)

      const { previous } = await service.applyModeration({ ids: [approved.id, pending.id], action: "reject", reason: "spam_or_advertising", by: ADMIN })
      expect(previous.map((state) => [state.id, state.status]).sort()).toEqual([[approved.id, "approved"], [pending.id, "pending"]].sort())
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 0 }))

      await service.restoreModeration(previous)
      const restored = await service.retrieveReview(approved.id)
      expect(restored).toEqual(
        expect.objectContaining({ status: "approved", rejection_reason: null, rejected_by: null, moderated_by: "user:user_09" })
      )
      expect(new Date(restored.moderated_at!).getTime()).toBe(new Date(before.moderated_at!).getTime())
      expect((await service.retrieveReview(pending.id)).status).toBe("pending")
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1, star_4: 1, verified_count: 1 }))

      // approving an approved review changes nothing, so there is nothing to put back
      const again = await service.applyModeration({ ids: [approved.id], action: "approve", by: ADMIN })
      expect(again.previous).toEqual([])
    })

    it("stores the shop's reply as plain text with who and when, removes it with null, and keeps it to the limit", async () => {
      const stored = await service.submitReview(review(2))
      await service.moderateReviews({ ids: [stored.id], action: "approve", by: ADMIN })
      const replied = await service.replyToReview(stored.id, { reply: "  Sorry to hear that <b>— we’ll call you</b>. ", by: "user:user_05" })
      expect(replied).toEqual(
        expect.objectContaining({ reply: "Sorry to hear that <b>— we’ll call you</b>.", replied_by: "user:user_05", status: "approved" })
      )
      expect(replied.replied_at).toBeTruthy()
      expect(await aggregate()).toEqual(expect.objectContaining({ approved_count: 1 }))

      await expect(service.replyToReview(stored.id, { reply: "x".repeat(REVIEW_LIMITS.replyLength + 1), by: ADMIN })).rejects.toThrow('"reply"')
      await expect(service.replyToReview(stored.id, { reply: "   ", by: ADMIN })).rejects.toThrow('"reply"')
      await expect(service.replyToReview("pprv_missing", { reply: "Thanks", by: ADMIN })).rejects.toThrow("pprv_missing")
      expect((await service.retrieveReview(stored.id)).reply).toBe("Sorry to hear that <b>— we’ll call you</b>.")

      const removed = await service.replyToReview(stored.id, { reply: null, by: ADMIN })
      expect(removed).toEqual(expect.objectContaining({ reply: null, replied_by: null, replied_at: null }))
    })

    it("keeps the review settings in one row; an empty statement means none (the store then serves the default)", async () => {
      expect(await service.reviewSettings()).toEqual({ verification_statement: null, updated_by: null, updated_at: null })
      await Promise.all([
        service.saveReviewSettings({ verification_statement: "We check every review against an order.", by: "user:user_01" }),
        service.saveReviewSettings({ verification_statement: "We check every review against an order.", by: "user:user_02" }),
      ])
      expect(await service.listReviewSettings({})).toHaveLength(1)
      const saved = await service.saveReviewSettings({ verification_statement: " Checked by hand. ", by: "user:user_03" })
      expect(saved).toEqual(expect.objectContaining({ verification_statement: "Checked by hand.", updated_by: "user:user_03" }))
      expect((await service.saveReviewSettings({ verification_statement: "  ", by: ADMIN })).verification_statement).toBeNull()
      await expect(
        service.saveReviewSettings({ verification_statement: "x".repeat(REVIEW_LIMITS.verificationStatementLength + 1), by: ADMIN })
      ).rejects.toThrow('"verification_statement"')
      expect(await service.listReviewSettings({})).toHaveLength(1)
    })

    it("counts approval rates per star and per ISO week or month in UTC, listing empty periods", async () => {
      const rows = await Promise.all([5, 5, 1, 1, 1, 3].map((rating) => service.submitReview(review(rating))))
      await service.moderateReviews({ ids: [rows[0].id, rows[1].id, rows[2].id], action: "approve", by: ADMIN })
      await service.moderateReviews({ ids: [rows[3].id, rows[4].id], action: "reject", reason: "abusive_or_hateful", by: ADMIN })
      // rows[5] stays pending: not moderated, so in no rate
      // move two moderations into the previous month's last week, as if done then
      await service.updateReviews([
        { id: rows[1].id, moderated_at: new Date("2026-10-26T10:00:00Z") },
        { id: rows[3].id, moderated_at: new Date("2026-10-31T23:30:00Z") },
      ])
      const now = new Date()

      const weekly = await service.approvalRates({ from: new Date("2026-10-28T00:00:00Z"), to: now, period: "week" })
      // the week holding Wednesday 28 October starts on Monday 26 October
      expect(weekly[0].start.toISOString()).toBe("2026-10-26T00:00:00.000Z")
      expect(weekly[0].stars["5"]).toEqual({ moderated: 0, approved: 0, rate: null })
      // from is the 28th: the 26th's approval falls before it, the 31st's rejection after
      expect(weekly[0].stars["1"]).toEqual({ moderated: 1, approved: 0, rate: 0 })
      expect(weekly.slice(1, -1).every((week) => Object.values(week.stars).every((star) => star.moderated === 0))).toBe(true)
      const thisWeek = weekly[weekly.length - 1]
      expect(thisWeek.stars["5"]).toEqual({ moderated: 1, approved: 1, rate: 1 })
      expect(thisWeek.stars["1"]).toEqual({ moderated: 2, approved: 1, rate: 0.5 })
      expect(thisWeek.stars["3"]).toEqual({ moderated: 0, approved: 0, rate: null })

      const monthly = await service.approvalRates({ from: new Date("2026-10-01T00:00:00Z"), to: now, period: "month" })
      expect(monthly[0].start.toISOString()).toBe("2026-10-01T00:00:00.000Z")
      expect(monthly[0].stars["5"]).toEqual({ moderated: 1, approved: 1, rate: 1 })
      expect(monthly[0].stars["1"]).toEqual({ moderated: 1, approved: 0, rate: 0 })
      const total = monthly.reduce((sum, month) => sum + Object.values(month.stars).reduce((s, star) => s + star.moderated, 0), 0)
      expect(total).toBe(5)

      await expect(service.approvalRates({ from: now, to: new Date("2026-10-01T00:00:00Z"), period: "week" })).rejects.toThrow('"from"')
    })

    it("refuses a rating outside 1-5 or an oversized body, storing nothing", async () => {
      for (const [input, field] of [
        [review(0), "rating"],
        [review(6), "rating"],
        [review(4.5), "rating"],
        [review(5, { body: "x".repeat(5001) }), "body"],
        [review(5, { images: ["https://a.test/1.jpg", "https://a.test/2.jpg", "https://a.test/3.jpg", "https://a.test/4.jpg"] }), "images"],
      ] as const) {
        await expect(service.submitReview(input)).rejects.toThrow(`"${field}"`)
      }
      expect(await service.listReviews({})).toHaveLength(0)
    })
  },
})

moduleIntegrationTestRunner<ReviewsModuleService>({
  moduleName: REVIEWS_MODULE,
  resolve: "./src/modules/reviews",
  moduleModels: [Review, ReviewAggregate, ReviewStoreAggregate, ReviewSettings],
  // as a shop configures it: the plugin's options, with a `reviews` section
  moduleOptions: { brand: { name: "Acme" }, reviews: { autoApprove: true } },
  testSuite: ({ service }) => {
    it("auto-approves every rating alike when the shop turns it on, and an edit stays approved", async () => {
      const low = await service.submitReview(review(1))
      const high = await service.submitReview(review(5))
      expect([low.status, high.status]).toEqual(["approved", "approved"])
      await service.submitReview(review(3, { line_item_id: low.line_item_id }))
      const stored = await service.reviewAggregate(PRODUCT)
      expect(stored).toEqual(await service.recountAggregate(PRODUCT))
      expect(stored).toEqual(expect.objectContaining({ approved_count: 2, rating_sum: 8, star_1: 0, star_3: 1, star_5: 1 }))
    })
  },
})

describe("booting the reviews module", () => {
  it("stops with one message that names a bad reviews option", async () => {
    const { DB_USERNAME, DB_PASSWORD, DB_HOST, DB_PORT } = process.env
    await expect(
      initModules({
        databaseConfig: { clientUrl: `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/postgres` },
        modulesConfig: { [REVIEWS_MODULE]: { resolve: `${__dirname}/..`, options: { reviews: { autoApprove: "yes" } } } },
        preventConnectionDestroyWarning: true,
      })
    ).rejects.toThrow('medusa-plugin-post-purchase: invalid option "reviews.autoApprove"')
  })
})
