import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import {
  deliverFulfillment,
  fulfillOrder,
  placeOrder,
  receiveReturn,
  requestReturn,
  shipFulfillment,
  type SeededStore,
} from "../../scripts/fixtures/store"
import { signLink } from "../../src/lib/signed-link"
import { signReviewToken } from "../../src/lib/review-link"
import { REVIEWS_MODULE } from "../../src/modules/reviews"
import type ReviewsModuleService from "../../src/modules/reviews/service"
import { customerHeaders } from "../helpers/admin"
import { DAY_MS, dispatch, followupService, freshTestStore, readMailbox, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"

jest.setTimeout(240_000)

const mailbox = testAppEnv()

const REQUEST = "review-request"
const REMINDER = "review-reminder"
const REVIEWS = "/store/post-purchase/reviews"
const FORM = { headers: { "content-type": "application/x-www-form-urlencoded" } }
const MINUTE_MS = 60 * 1000
const SCRIPT = "<script>alert(1)</script>"

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore

    beforeEach(async () => ({ store } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<any>) => promise.then((response) => response, (e) => e.response)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const reviews = (): ReviewsModuleService => getContainer().resolve(REVIEWS_MODULE)
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

    /** Anna's order with consent to marketing: Linen Shirt (S), 2 × Organic Coffee Beans, Canvas Tote Bag by default. */
    const order = (variants = [0, 3, 4], quantities: number[] = [1, 2, 1]) =>
      placeOrder(getContainer(), store, {
        marketingConsent: true,
        locale: "en-GB",
        items: variants.map((v, i) => ({ variant_id: store.variants[v].id, quantity: quantities[i] })),
      })

    const lineItems = async (orderId: string) => {
      const {
        data: [found],
      } = await query().graph({ entity: "order", fields: ["items.id", "items.product_title", "items.product_id"], filters: { id: orderId } })
      return Object.fromEntries((found.items as any[]).map((item) => [item.product_title, item])) as Record<string, { id: string; product_id: string }>
    }

    /** Ships and delivers the whole order, through Medusa's workflows; resolves once the plugin recorded the delivery. */
    async function deliver(orderId: string): Promise<Date> {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      // scheduled at the shipment from an estimate, then timed again from the reported delivery
      await waitFor(async () => {
        const rows = await followupService(container).listFollowups({ order_id: orderId, flow: [REQUEST, REMINDER] })
        return rows.length === 2 && rows.every((row) => row.anchor_event === "delivery.created")
      }, `the review follow-ups of ${orderId} timed from its delivery`)
      const {
        data: [fulfillment],
      } = await query().graph({ entity: "fulfillment", fields: ["delivered_at"], filters: { id: fulfillmentId } })
      return new Date(fulfillment.delivered_at)
    }

    const followupOf = async (orderId: string, flow: string) => (await followupService(getContainer()).listFollowups({ order_id: orderId, flow }))[0]
    const emailsOf = (orderId: string, flow: string) => readMailbox(mailbox).filter((e) => e.flow === flow && e.meta.data.order_id === orderId)

    /** Each listed item's star links (1 to 5) in an email, by line item id, as the customer clicks them: path and query. */
    function starLinks(html: string): Record<string, string[]> {
      const links: Record<string, string[]> = {}
      for (const row of html.split('data-item="').slice(1)) {
        const id = row.slice(0, row.indexOf('"'))
        links[id] = [...row.matchAll(/<a\b[^>]*data-rating="(\d)"[^>]*>/g)].slice(0, 5).map((m) => {
          const url = new URL(/href="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, "&"))
          expect(url.origin).toBe("http://localhost:9000")
          expect(url.searchParams.get("rating")).toBe(m[1])
          return `${url.pathname}${url.search}`
        })
      }
      return links
    }

    /** The ratings the form has chosen: the radios rendered checked. */
    const checkedRating = (html: string) =>
      [...html.matchAll(/<input\b[^>]*name="rating"[^>]*>/g)].filter((m) => m[0].includes('checked=""')).map((m) => /value="(\d)"/.exec(m[0])![1])

    const tokenOf = (link: string) => new URL(link, "http://localhost").searchParams.get("token")!

    it("asks at delivery + 7 days (not at + 6), whatever the survey answer (a detractor too), listing every kept item with its picture and five star links; reminds at + 12 days when no review came in", async () => {
      const container = getContainer()
      const orderId = await order()
      const items = await lineItems(orderId)
      const deliveredAt = await deliver(orderId)

      const request = await followupOf(orderId, REQUEST)
      const reminder = await followupOf(orderId, REMINDER)
      expect(new Date(request.send_at!)).toEqual(new Date(deliveredAt.getTime() + 7 * DAY_MS))
      expect(new Date(reminder.send_at!)).toEqual(new Date(deliveredAt.getTime() + 12 * DAY_MS))

      await dispatch(container, new Date(deliveredAt.getTime() + 6 * DAY_MS))
      expect((await followupOf(orderId, REQUEST)).status).toBe("scheduled")
      expect(emailsOf(orderId, REQUEST)).toEqual([])

      // Anna got her feedback survey at + 3 days and answers 0, a detractor: she is asked for a review all the same
      const [survey] = emailsOf(orderId, "feedback-survey")
      const zero = /<a\b[^>]*\bdata-score="0"[^>]*>/.exec(survey.html)![0]
      const surveyToken = new URL(/href="([^"]+)"/.exec(zero)![1].replace(/&amp;/g, "&")).searchParams.get("token")
      await api.post("/store/post-purchase/survey-answers", { token: surveyToken, score: 0, comment: "Slow delivery" }, storeHeaders())
      expect(await followupService(container).listSurveyAnswers({ order_id: orderId })).toEqual([expect.objectContaining({ score: 0 })])

      await dispatch(container, new Date(deliveredAt.getTime() + 7 * DAY_MS + MINUTE_MS))
      expect((await followupOf(orderId, REQUEST)).status).toBe("sent")
      const [email, ...more] = emailsOf(orderId, REQUEST)
      expect(more).toEqual([])
      expect(email.meta.subject).toBe("How do you like your order from Acme Outfitters?")
      const links = starLinks(email.html)
      expect(Object.keys(links).sort()).toEqual(Object.values(items).map((item) => item.id).sort())
      for (const [id, stars] of Object.entries(links)) {
        expect(stars).toHaveLength(5)
        stars.forEach((link, index) => expect(link).toMatch(new RegExp(`^/hooks/post-purchase/review\\?token=v1\\.[^&]+&rating=${index + 1}$`)))
        // one token per item, for that line item only
        expect(new Set(stars.map(tokenOf)).size).toBe(1)
        expect(JSON.parse(Buffer.from(tokenOf(stars[0]).split(".")[2], "base64url").toString())).toEqual(
          expect.objectContaining({ purpose: "review", line_item_id: id, order_id: orderId, customer_id: store.customer.id })
        )
      }
      expect(email.html).toContain('src="http://localhost:9000/static/demo/linen-shirt.png"')
      for (const title of ["Linen Shirt", "Organic Coffee Beans", "Canvas Tote Bag"]) {
        expect(email.text).toContain(title)
      }
      expect(email.meta.headers["List-Unsubscribe"]).toBeDefined()

      await dispatch(container, new Date(deliveredAt.getTime() + 12 * DAY_MS + MINUTE_MS))
      expect((await followupOf(orderId, REMINDER)).status).toBe("sent")
      const [reminded] = emailsOf(orderId, REMINDER)
      expect(reminded.meta.subject).toBe("A minute for a review of your Acme Outfitters order?")
      expect(reminded.text).toContain("We won’t ask again.")
      expect(Object.keys(starLinks(reminded.html))).toHaveLength(3)
    })

    it("leaves out a returned item and asks nothing of an order returned entirely; a review through a star link skips the reminder", async () => {
      const container = getContainer()
      const partly = await order([0, 3], [1, 2])
      const whole = await order([4], [1])
      const partlyItems = await lineItems(partly)
      const partlyDelivered = await deliver(partly)
      const wholeDelivered = await deliver(whole)
      await receiveReturn(container, await requestReturn(container, partly, [{ id: partlyItems["Linen Shirt"].id, quantity: 1 }]))
      await receiveReturn(container, await requestReturn(container, whole))

      const at = new Date(Math.max(partlyDelivered.getTime(), wholeDelivered.getTime()) + 7 * DAY_MS + MINUTE_MS)
      await dispatch(container, at)
      const [email] = emailsOf(partly, REQUEST)
      const links = starLinks(email.html)
      expect(Object.keys(links)).toEqual([partlyItems["Organic Coffee Beans"].id])
      expect(email.html).not.toContain("Linen Shirt")
      expect(emailsOf(whole, REQUEST)).toEqual([])
      expect(await followupOf(whole, REQUEST)).toEqual(expect.objectContaining({ status: "skipped", status_reason: "Every item of the order was returned" }))

      // Anna clicks four stars for the beans and sends the form as it opens
      const page = await api.get(links[partlyItems["Organic Coffee Beans"].id][3])
      expect(page.status).toBe(200)
      expect(checkedRating(page.data)).toEqual(["4"])
      const done = await api.post(links[partlyItems["Organic Coffee Beans"].id][3], form({ rating: "4", title: "", body: "", name: "Anna D." }), FORM)
      expect(done.status).toBe(200)
      expect(done.data).toContain("Thank you for your review")

      await dispatch(container, new Date(at.getTime() + 5 * DAY_MS))
      expect(await followupOf(partly, REMINDER)).toEqual(
        expect.objectContaining({ status: "skipped", status_reason: "A review of the order came in: no reminder needed" })
      )
      expect(emailsOf(partly, REMINDER)).toEqual([])
    })

    it("a star link opens the hosted form with that rating; sending it stores a pending, verified review, sending again edits it without double counting, and a <script> comes back escaped", async () => {
      const container = getContainer()
      const orderId = await order()
      const items = await lineItems(orderId)
      const shirt = items["Linen Shirt"]
      const deliveredAt = await deliver(orderId)
      await dispatch(container, new Date(deliveredAt.getTime() + 7 * DAY_MS + MINUTE_MS))
      const fiveStars = starLinks(emailsOf(orderId, REQUEST)[0].html)[shirt.id][4]

      const page = await api.get(fiveStars)
      expect(page.status).toBe(200)
      expect(page.headers["cache-control"]).toBe("no-store")
      expect(page.data).toContain("<h1>Write a review</h1>")
      expect(page.data).toContain("Linen Shirt (S)")
      expect(checkedRating(page.data)).toEqual(["5"])
      expect(page.data).toContain('value="Anna D."')
      // opening the link stores nothing
      expect(await reviews().listReviews({})).toEqual([])

      const typed = `${SCRIPT} Lovely linen, "crisp" & cool`
      const done = await api.post(fiveStars, form({ rating: "5", title: "Great <b>shirt</b>", body: typed, name: "Anna D." }), FORM)
      expect(done.status).toBe(200)
      expect(done.data).toContain("We read every review before it appears in the shop")
      const [stored, ...others] = await reviews().listReviews({})
      expect(others).toEqual([])
      expect(stored).toEqual(
        expect.objectContaining({
          status: "pending",
          verified: true,
          rating: 5,
          title: "Great <b>shirt</b>",
          body: typed,
          reviewer_name: "Anna D.",
          reviewer_email: store.customer.email,
          order_id: orderId,
          line_item_id: shirt.id,
          product_id: shirt.product_id,
          customer_id: store.customer.id,
        })
      )

      // the edit view shows what was typed, escaped
      const edit = await api.get(fiveStars.replace(/&rating=5$/, ""))
      expect(edit.data).toContain("You reviewed this item before.")
      expect(edit.data).not.toContain(SCRIPT)
      expect(edit.data).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Lovely linen, &quot;crisp&quot; &amp; cool")
      expect(edit.data).toContain('value="Great &lt;b&gt;shirt&lt;/b&gt;"')
      expect(checkedRating(edit.data)).toEqual(["5"])
      // and no email ever echoes it
      for (const email of readMailbox(mailbox)) {
        expect([email.flow, email.html.includes(SCRIPT) || email.text.includes(SCRIPT)]).toEqual([email.flow, false])
      }

      await reviews().moderateReviews({ ids: [stored.id], action: "approve", by: "user:user_test" })
      expect(await reviews().reviewAggregate(shirt.product_id)).toEqual(expect.objectContaining({ approved_count: 1, rating_sum: 5, star_5: 1 }))

      // sent again: the same review, edited, back to moderation, counted out until approved again
      const again = await api.post(fiveStars, form({ rating: "3", title: "Good shirt", body: "Shrank a little.", name: "Anna" }), FORM)
      expect(again.status).toBe(200)
      const [edited, ...none] = await reviews().listReviews({})
      expect(none).toEqual([])
      expect(edited).toEqual(expect.objectContaining({ id: stored.id, status: "pending", rating: 3, body: "Shrank a little.", reviewer_name: "Anna", verified: true }))
      expect(await reviews().reviewAggregate(shirt.product_id)).toEqual(await reviews().recountAggregate(shirt.product_id))
      expect((await reviews().reviewAggregate(shirt.product_id)).approved_count).toBe(0)
      await reviews().moderateReviews({ ids: [stored.id], action: "approve", by: "user:user_test" })
      const aggregate = await reviews().reviewAggregate(shirt.product_id)
      expect(aggregate).toEqual(expect.objectContaining({ approved_count: 1, rating_sum: 3, star_3: 1, star_5: 0 }))
      expect(aggregate).toEqual(await reviews().recountAggregate(shirt.product_id))

      // the Store API: what a storefront's form needs, and the same submission with the same token
      const token = tokenOf(fiveStars)
      const formData = await api.get(`${REVIEWS}/form?token=${encodeURIComponent(token)}`, storeHeaders())
      expect(formData.data.form).toEqual(
        expect.objectContaining({
          order: { id: orderId, display_id: expect.any(Number) },
          item: expect.objectContaining({ id: shirt.id, title: "Linen Shirt", variant_title: "S", thumbnail: "http://localhost:9000/static/demo/linen-shirt.png" }),
          default_name: "Anna D.",
          review: expect.objectContaining({ id: stored.id, rating: 3, status: "approved" }),
        })
      )
      const beans = starLinks(emailsOf(orderId, REQUEST)[0].html)[items["Organic Coffee Beans"].id][0]
      const viaApi = await api.post(REVIEWS, { token: tokenOf(beans), rating: 4, body: "Smooth", images: ["https://images.example/beans.jpg"] }, storeHeaders())
      expect(viaApi.status).toBe(200)
      expect(viaApi.data.review).toEqual(
        expect.objectContaining({ status: "pending", verified: true, rating: 4, body: "Smooth", title: null, reviewer_name: "Anna D.", images: ["https://images.example/beans.jpg"] })
      )
      expect(JSON.stringify(viaApi.data)).not.toContain(store.customer.email)
      expect(JSON.stringify(formData.data)).not.toContain(store.customer.email)
      expect(await reviews().listReviews({})).toHaveLength(2)

      // editing that review through the hosted form, which has no picture field, keeps its picture
      const viaForm = await api.post(beans, form({ rating: "5", title: "", body: "Smooth and fresh", name: "Anna D." }), FORM)
      expect(viaForm.status).toBe(200)
      expect(await reviews().retrieveReview(viaApi.data.review.id)).toEqual(
        expect.objectContaining({ rating: 5, body: "Smooth and fresh", images: ["https://images.example/beans.jpg"] })
      )

      // a canceled order's links take no review
      const canceled = await order([4], [1])
      const bag = (await lineItems(canceled))["Canvas Tote Bag"]
      const bagToken = signReviewToken(
        { order_id: canceled, line_item_id: bag.id, customer_id: store.customer.id, email: store.customer.email },
        followupService(container).getOptions(),
        followupService(container).getSigningKeys()
      )
      await cancelOrderWorkflow(container).run({ input: { order_id: canceled } })
      const refusedReview = await refused(api.post(REVIEWS, { token: bagToken, rating: 1 }, storeHeaders()))
      expect(refusedReview.status).toBe(400)
      expect(refusedReview.data.message).toMatch(/token: the review link's order was canceled/)
      expect(await reviews().listReviews({ order_id: canceled })).toEqual([])
    })

    it("answers every bad input with a 400 that names the field, and stores nothing", async () => {
      const container = getContainer()
      const keys = followupService(container).getSigningKeys()
      const options = followupService(container).getOptions()
      const orderId = await order()
      const items = await lineItems(orderId)
      const shirt = items["Linen Shirt"]
      const annaToken = signReviewToken({ order_id: orderId, line_item_id: shirt.id, customer_id: store.customer.id, email: store.customer.email }, options, keys)

      // Ben's order, and a token that claims one of its items for Anna
      const benOrder = await placeOrder(container, store, { customer_id: null, email: "ben@example.com", items: [{ variant_id: store.variants[4].id, quantity: 1 }] })
      const benItem = (await lineItems(benOrder))["Canvas Tote Bag"]
      const forAnnaOnBensOrder = signReviewToken({ order_id: benOrder, line_item_id: benItem.id, customer_id: store.customer.id, email: store.customer.email }, options, keys)
      const anotherOrdersItem = signReviewToken({ order_id: orderId, line_item_id: benItem.id, customer_id: store.customer.id, email: store.customer.email }, options, keys)
      const guestTokenWrongEmail = signReviewToken({ order_id: benOrder, line_item_id: benItem.id, customer_id: null, email: "eve@example.com" }, options, keys)
      const expired = signReviewToken({ order_id: orderId, line_item_id: shirt.id, customer_id: store.customer.id, email: store.customer.email }, options, keys, new Date(Date.now() - 61 * DAY_MS))
      const withdrawal = signLink({ purpose: "withdraw", order_id: orderId, email: store.customer.email }, new Date(Date.now() + DAY_MS), keys)
      const [v, kid, body, sig] = annaToken.split(".")
      const tampered = `${v}.${kid}.${body}.${sig.slice(0, -2)}${sig.endsWith("AA") ? "BB" : "AA"}`
      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")

      const post = (payload: Record<string, unknown>, headers = storeHeaders()) => refused(api.post(REVIEWS, payload, headers))
      const cases: [string, Record<string, unknown>, RegExp, Record<string, any>?][] = [
        ["another customer's order", { token: forAnnaOnBensOrder, rating: 5 }, /token: the review link's order was not found/],
        ["an item of another order", { token: anotherOrdersItem, rating: 5 }, /token: the item of this review link is not part of its order/],
        ["a guest token for another email", { token: guestTokenWrongEmail, rating: 5 }, /token: the review link's order was not found/],
        ["another customer signed in", { token: annaToken, rating: 5 }, /token: this review link is for another customer's order/, cleo],
        ["expired", { token: expired, rating: 5 }, /token: the review link has expired/],
        ["tampered", { token: tampered, rating: 5 }, /token: the review link is incomplete or was changed/],
        ["another purpose", { token: withdrawal, rating: 5 }, /token: this is not a review link's token/],
        ["no token", { rating: 5 }, /token/],
        ["rating 0", { token: annaToken, rating: 0 }, /rating must be a whole number from 1 to 5/],
        ["rating 6", { token: annaToken, rating: 6 }, /rating must be a whole number from 1 to 5/],
        ["rating 3.5", { token: annaToken, rating: 3.5 }, /rating must be a whole number from 1 to 5/],
        ["rating as text", { token: annaToken, rating: "5" }, /rating must be a whole number from 1 to 5/],
        ["no rating", { token: annaToken }, /rating/],
        ["a long title", { token: annaToken, rating: 5, title: "t".repeat(121) }, /title can be at most 120 characters/],
        ["a long body", { token: annaToken, rating: 5, body: "b".repeat(5001) }, /body can be at most 5000 characters/],
        ["four images", { token: annaToken, rating: 5, images: [1, 2, 3, 4].map((n) => `https://images.example/${n}.jpg`) }, /images can hold at most 3 URLs/],
        ["an http image", { token: annaToken, rating: 5, images: ["http://images.example/1.jpg"] }, /images must be https URLs/],
        ["a script image", { token: annaToken, rating: 5, images: ["javascript:alert(1)"] }, /images must be https URLs/],
        ["an unknown field", { token: annaToken, rating: 5, verified: false }, /verified/],
      ]
      for (const [what, payload, message, headers] of cases) {
        const response = await post(payload, headers ?? storeHeaders())
        expect([what, response.status, response.data.message]).toEqual([what, 400, expect.stringMatching(message)])
      }
      const formOfOther = await refused(api.get(`${REVIEWS}/form?token=${encodeURIComponent(annaToken)}`, cleo))
      expect([formOfOther.status, formOfOther.data.message]).toEqual([400, expect.stringMatching(/token: this review link is for another customer's order/)])

      // the hosted form: a refused link is a page saying so; a refused field shows the form again with its message next to it
      const hosted = (token: string) => `/hooks/post-purchase/review?token=${encodeURIComponent(token)}`
      for (const token of [tampered, forAnnaOnBensOrder, withdrawal]) {
        const page = await refused(api.get(hosted(token)))
        expect([page.status, page.data]).toEqual([400, expect.stringContaining("This link does not work")])
        const posted = await refused(api.post(hosted(token), form({ rating: "5", name: "Anna" }), FORM))
        expect(posted.status).toBe(400)
      }
      const old = await refused(api.get(hosted(expired)))
      expect([old.status, old.data]).toEqual([400, expect.stringContaining("This link has expired")])
      for (const [fields, field, message] of [
        [{ rating: "6", name: "Anna" }, "rating", "Choose from 1 to 5 stars."],
        [{ rating: "", name: "Anna" }, "rating", "Choose from 1 to 5 stars."],
        [{ rating: "5", name: "Anna", body: "b".repeat(5001) }, "body", "Your review can be at most 5000 characters."],
        [{ rating: "5", name: "Anna", title: "t".repeat(121) }, "title", "The title can be at most 120 characters."],
        [{ rating: "5", name: "" }, "name", "Enter a name of at most 80 characters."],
      ] as [Record<string, string>, string, string][]) {
        const page = await refused(api.post(hosted(annaToken), form(fields), FORM))
        expect([field, page.status]).toEqual([field, 400])
        expect(page.data).toContain(`<p class="error" id="error-${field}">${message}</p>`)
        // what was typed stays in the form
        if (fields.body) expect(page.data).toContain(fields.body)
      }

      expect(await reviews().listReviews({})).toEqual([])
    })
  },
})
