import { initModules, moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REVIEWS_MODULE, type SubmitReviewInput } from ".."
import { ReviewAggregate } from "../models/review-aggregate"
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
  moduleModels: [Review, ReviewAggregate],
  testSuite: ({ service }) => {
    /** The stored numbers, after checking that they equal a recount of the reviews. */
    const aggregate = async (productId = PRODUCT) => {
      const stored = await service.reviewAggregate(productId)
      expect(stored).toEqual(await service.recountAggregate(productId))
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
  moduleModels: [Review, ReviewAggregate],
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
