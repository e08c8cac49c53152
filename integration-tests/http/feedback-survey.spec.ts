import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliverFulfillment, fulfillOrder, placeOrder, shipFulfillment, type SeededStore } from "../../scripts/fixtures/store"
import { signLink } from "../../src/lib/signed-link"
import { readSurveyToken, surveyToken } from "../../src/lib/survey-link"
import { withdrawalUrl } from "../../src/lib/withdrawal-link"
import { answerSurveyStep, type AnswerSurveyStepInput } from "../../src/workflows/feedback/steps/answer-survey"
import { DAY_MS, dispatch, followupService, freshTestStore, readMailbox, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"

jest.setTimeout(240_000)

const mailbox = testAppEnv()

const FLOW = "feedback-survey"
const ANSWERS = "/store/post-purchase/survey-answers"
const FEEDBACK = "/admin/post-purchase/feedback"
const FORM = { headers: { "content-type": "application/x-www-form-urlencoded" } }
const SCRIPT = '<script>alert("pp")</script> Lovely shirt & fast'

/** The survey's real step followed by one that fails, as any later step of a larger workflow might: the answer must be undone. */
const failingStep = createStep("pp-test-fail-after-answer", async () => {
  throw new Error("a later step failed")
})
const answerThenFail = createWorkflow("pp-test-answer-then-fail", (input: AnswerSurveyStepInput) => {
  answerSurveyStep(input)
  failingStep()
  return new WorkflowResponse(undefined)
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    /** The scores a form page has chosen. */
    const checkedScores = (html: string) =>
      [...html.matchAll(/<input\b[^>]*name="score"[^>]*>/g)].map(([tag]) => tag).filter((tag) => / checked=""/.test(tag)).map((tag) => /value="(\d+)"/.exec(tag)![1])
    const refused = (promise: Promise<any>) => promise.then((response) => response, (e) => e.response)
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })
    const form = (fields: [string, string][]) => new URLSearchParams(fields).toString()
    const answersOf = (orderId: string) => followupService(getContainer()).listSurveyAnswers({ order_id: orderId })
    const allAnswers = () => followupService(getContainer()).listSurveyAnswers({})

    /** Fulfills, ships and delivers the whole order through Medusa's workflows; resolves with the delivery's time once it is recorded. */
    async function deliver(orderId: string) {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      await waitFor(
        async () => (await followupService(container).listOrderAnchors({ order_id: orderId, anchor: "delivered" })).length,
        `the delivery of ${orderId}`
      )
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [fulfillment],
      } = await query.graph({ entity: "fulfillment", fields: ["delivered_at"], filters: { id: fulfillmentId } })
      return new Date(fulfillment.delivered_at)
    }

    /** The score links of the order's survey email as the customer clicks them: score, path and query. */
    function scoreLinks(orderId: string) {
      const email = readMailbox(mailbox).find((e) => e.flow === FLOW && e.meta.data.order_id === orderId)
      expect(email).toBeDefined()
      return [...email!.html.matchAll(/<a\b[^>]*\bdata-score="(\d+)"[^>]*>/g)].map(([tag, score]) => {
        const url = new URL(/href="([^"]+)"/.exec(tag)![1].replace(/&amp;/g, "&"))
        return { score: Number(score), url, path: `${url.pathname}${url.search}`, token: url.searchParams.get("token")! }
      })
    }

    it("sent at delivery + 3 days with 11 signed score links; the 9 link shows the form and records nothing; posting stores the answer; answering again updates it; a <script> comes back escaped", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { marketingConsent: true, locale: "en-GB", email: "anna@example.com" })
      const deliveredAt = await deliver(orderId)

      const survey = await waitFor(async () => (await followupService(container).listFollowups({ order_id: orderId, flow: FLOW }))[0], "the survey")
      expect(new Date(survey.send_at)).toEqual(new Date(deliveredAt.getTime() + 3 * DAY_MS))

      // not a minute early
      await dispatch(container, new Date(deliveredAt.getTime() + 3 * DAY_MS - 60_000))
      expect(readMailbox(mailbox).filter((e) => e.flow === FLOW)).toEqual([])
      await dispatch(container, new Date(deliveredAt.getTime() + 3 * DAY_MS + 60_000))
      const email = readMailbox(mailbox).find((e) => e.flow === FLOW)!
      expect(email.meta.to).toBe("anna@example.com")
      expect(email.text).toContain("How likely are you to recommend")

      const links = scoreLinks(orderId)
      expect(links.map((link) => link.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      const keys = followupService(container).getSigningKeys()
      for (const link of links) {
        expect(link.url.pathname).toBe("/hooks/post-purchase/feedback")
        expect(link.url.searchParams.get("score")).toBe(String(link.score))
        expect(readSurveyToken(link.token, keys)).toEqual(expect.objectContaining({ valid: true, order_id: orderId, email: "anna@example.com" }))
      }

      // following the 9: the form with 9 chosen, and nothing recorded (mail scanners open every link)
      const nine = links[9]
      const opened = await api.get(nine.path)
      expect(opened.status).toBe(200)
      expect(checkedScores(opened.data)).toEqual(["9"])
      expect(opened.data).toContain("What could we do better?")
      expect(await answersOf(orderId)).toEqual([])

      const action = `/hooks/post-purchase/feedback?token=${encodeURIComponent(nine.token)}`
      const posted = await api.post(action, form([["score", "9"], ["comment", SCRIPT], ["improvement", "Cheaper\r\nshipping"]]), FORM)
      expect(posted.status).toBe(200)
      expect(posted.data).toContain("Thank you for your feedback")
      expect(posted.data).toContain(`You gave order #${(await orderNumber(orderId))} a 9 out of 10.`)
      expect(posted.data).toContain("&lt;script&gt;alert(&quot;pp&quot;)&lt;/script&gt; Lovely shirt &amp; fast")
      expect(posted.data).not.toContain("<script>")
      const [first] = await answersOf(orderId)
      expect(first).toEqual(
        expect.objectContaining({ score: 9, comment: SCRIPT, improvement: "Cheaper\nshipping", email: "anna@example.com", locale: "en-GB" })
      )

      // the edit page: the earlier answer, escaped in its box
      const edit = await api.get(action)
      expect(edit.data).toContain("You answered before.")
      expect(edit.data).toContain("&lt;script&gt;alert(&quot;pp&quot;)&lt;/script&gt; Lovely shirt &amp; fast</textarea>")
      expect(edit.data).not.toContain("<script>")
      expect(checkedScores(edit.data)).toEqual(["9"])

      // answering again updates the one answer
      const again = await api.post(action, form([["score", "10"], ["comment", SCRIPT], ["improvement", ""]]), FORM)
      expect(again.status).toBe(200)
      const rows = await answersOf(orderId)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toEqual(expect.objectContaining({ id: first.id, score: 10, comment: SCRIPT, improvement: null }))

      // the admin gets the comment back as the plain text it was
      const { data } = await api.get(FEEDBACK, admin)
      expect(data.nps).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0, total: 1 })
      expect(data.answers).toEqual([
        expect.objectContaining({ order_id: orderId, score: 10, category: "promoter", comment: SCRIPT, improvement: null, email: "anna@example.com" }),
      ])
    })

    async function orderNumber(orderId: string) {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({ entity: "order", fields: ["display_id"], filters: { id: orderId } })
      return order.display_id as number
    }

    it("six answers give the right NPS in the admin API, re-answers move it without double counting, and every bad input gets 400 naming the field and stores nothing", async () => {
      const container = getContainer()
      const keys = followupService(container).getSigningKeys()
      const orders: { id: string; token: string }[] = []
      for (let i = 0; i < 6; i++) {
        const email = `buyer${i}@example.com`
        const id = await placeOrder(container, store, { email, customer_id: null, locale: "en-GB" })
        orders.push({ id, token: surveyToken({ id, email }, keys) })
      }
      const answer = (i: number, body: Record<string, unknown>) => api.post(ANSWERS, { token: orders[i].token, ...body }, storeHeaders())

      // 10, 9 promoters; 8, 7 passives; 3, 0 detractors: round(100 × (2 − 2) / 6) = 0
      const scores = [10, 9, 8, 7, 3, 0]
      for (const [i, score] of scores.entries()) {
        const response = await answer(i, { score, comment: i === 4 ? "Arrived late" : undefined })
        expect(response.data.survey_answer).toEqual(expect.objectContaining({ order_id: orders[i].id, score }))
      }
      let { data } = await api.get(FEEDBACK, admin)
      expect(data.nps).toEqual({ score: 0, promoters: 2, passives: 2, detractors: 2, total: 6 })

      // the passives answer again with 10 and the 3 with 6: 4 promoters, 2 detractors of 6, round(33.3) = 33
      await answer(2, { score: 10 })
      await answer(3, { score: 10 })
      await answer(4, { score: 6, comment: "Arrived late", improvement: "Ship faster" })
      ;({ data } = await api.get(`${FEEDBACK}?limit=2`, admin))
      expect(data.nps).toEqual({ score: 33, promoters: 4, passives: 0, detractors: 2, total: 6 })
      expect(data.count).toBe(6)
      expect(data.answers).toHaveLength(2)
      // latest first: the 6 just given, a detractor with its comment and the order's number
      expect(data.answers[0]).toEqual({
        order_id: orders[4].id,
        order_display_id: await orderNumber(orders[4].id),
        email: "buyer4@example.com",
        score: 6,
        category: "detractor",
        comment: "Arrived late",
        improvement: "Ship faster",
        answered_at: expect.any(String),
      })
      expect((await allAnswers()).length).toBe(6)

      // a period without answers: no score
      const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10)
      ;({ data } = await api.get(`${FEEDBACK}?from=${tomorrow}&to=${tomorrow}`, admin))
      expect([data.nps, data.answers, data.count]).toEqual([{ score: null, promoters: 0, passives: 0, detractors: 0, total: 0 }, [], 0])

      // bad dates name their field
      for (const [query, message] of [
        ["from=2026-13-45", /from must be a date like 2026-11-01/],
        ["to=yesterday", /to must be a date like 2026-11-01/],
        ["from=2026-11-10&to=2026-11-01", /to must be after from/],
        ["limit=0", /limit must be a whole number from 1 to 100/],
      ] as [string, RegExp][]) {
        const response = await refused(api.get(`${FEEDBACK}?${query}`, admin))
        expect([query, response.status]).toEqual([query, 400])
        expect(response.data.message).toMatch(message)
      }

      // bad input through the Store API: 400 naming the field, and order 5's answer (0) unchanged
      const [version, keyId, claims, signature] = orders[5].token.split(".")
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), order_id: orders[0].id })).toString("base64url")
      const expired = signLink({ purpose: "survey", order_id: orders[5].id, email: "buyer5@example.com" }, new Date(Date.now() - 1000), keys)
      const withdrawal = new URL(withdrawalUrl({ id: orders[5].id, email: "buyer5@example.com" }, followupService(container).getOptions(), keys)).searchParams.get("token")!
      const otherBuyer = surveyToken({ id: orders[5].id, email: "someone-else@example.com" }, keys)
      const bad: [string, Record<string, unknown>, RegExp][] = [
        ["score 11", { score: 11 }, /score must be a whole number from 0 to 10/],
        ["score -1", { score: -1 }, /score must be a whole number from 0 to 10/],
        ["score 4.5", { score: 4.5 }, /score must be a whole number from 0 to 10/],
        ["score as text", { score: "7" }, /score must be a whole number from 0 to 10/],
        ["no score", {}, /score must be a whole number from 0 to 10/],
        ["comment too long", { score: 7, comment: "x".repeat(2001) }, /comment can be at most 2000 characters/],
        ["improvement too long", { score: 7, improvement: "x".repeat(2001) }, /improvement can be at most 2000 characters/],
        ["tampered token", { score: 7, token: `${version}.${keyId}.${forged}.${signature}` }, /^token: the survey link is incomplete or was changed$/],
        ["expired token", { score: 7, token: expired }, /^token: the survey link has expired$/],
        ["another link's token", { score: 7, token: withdrawal }, /^token: this is not a survey link's token$/],
        ["a token for another buyer", { score: 7, token: otherBuyer }, /^token: the survey link is incomplete or was changed$/],
        ["no token", { score: 7, token: undefined }, /\btoken'? is required/],
      ]
      for (const [what, body, message] of bad) {
        const response = await refused(answer(5, body))
        expect([what, response.status]).toEqual([what, 400])
        expect([what, response.data.message]).toEqual([what, expect.stringMatching(message)])
      }
      expect((await answersOf(orders[5].id)).map((row) => row.score)).toEqual([0])
      expect((await answersOf(orders[0].id)).map((row) => row.score)).toEqual([10])

      // and on the hosted form: the message next to its field, 400, nothing changed
      const action = `/hooks/post-purchase/feedback?token=${encodeURIComponent(orders[5].token)}`
      for (const [what, fields, fieldId, message] of [
        ["score 11", [["score", "11"]], "error-score", "Choose a number from 0 to 10."],
        ["score 4.5", [["score", "4.5"]], "error-score", "Choose a number from 0 to 10."],
        ["no score", [["comment", "Hi"]], "error-score", "Choose a number from 0 to 10."],
        ["comment too long", [["score", "7"], ["comment", "y".repeat(2001)]], "error-comment", "Please keep this to 2000 characters; it has 2001."],
      ] as [string, [string, string][], string, string][]) {
        const page = await refused(api.post(action, form(fields), FORM))
        expect([what, page.status]).toEqual([what, 400])
        expect(page.data).toContain(`<p class="error" id="${fieldId}">${message}</p>`)
      }
      const typed = await refused(api.post(action, form([["score", "12"], ["comment", SCRIPT]]), FORM))
      expect(typed.data).toContain("&lt;script&gt;alert(&quot;pp&quot;)&lt;/script&gt; Lovely shirt &amp; fast</textarea>")
      expect(typed.data).not.toContain("<script>")
      for (const token of [`${version}.${keyId}.${forged}.${signature}`, expired]) {
        const path = `/hooks/post-purchase/feedback?token=${encodeURIComponent(token)}`
        const [page, post] = [await refused(api.get(`${path}&score=9`)), await refused(api.post(path, form([["score", "9"]]), FORM))]
        expect([page.status, post.status]).toEqual([400, 400])
        expect(page.data).toContain(token === expired ? "This link has expired" : "This link does not work")
      }
      expect((await answersOf(orders[5].id)).map((row) => row.score)).toEqual([0])
      expect((await answersOf(orders[0].id)).map((row) => row.score)).toEqual([10])
      expect((await allAnswers()).length).toBe(6)
    })

    it("undoes an answer when a later step fails: the earlier answer comes back as it was, a first answer is removed", async () => {
      const container = getContainer()
      const orderId = await placeOrder(container, store, { email: "cleo@example.com", customer_id: null })
      const base = { order_id: orderId, customer_id: null, email: "cleo@example.com", locale: "en-GB" }
      const keys = followupService(container).getSigningKeys()

      // a first answer undone: nothing is left
      await expect(answerThenFail(container).run({ input: { ...base, score: 4, comment: "Meh", improvement: null } })).rejects.toMatchObject({
        message: "a later step failed",
      })
      expect(await answersOf(orderId)).toEqual([])

      await api.post(ANSWERS, { token: surveyToken({ id: orderId, email: "cleo@example.com" }, keys), score: 8, comment: "Nice" }, storeHeaders())
      const [before] = await answersOf(orderId)
      await expect(answerThenFail(container).run({ input: { ...base, score: 1, comment: "Changed my mind", improvement: "All" } })).rejects.toMatchObject({
        message: "a later step failed",
      })
      const after = await answersOf(orderId)
      expect(after).toHaveLength(1)
      expect(after[0]).toEqual(
        expect.objectContaining({
          id: before.id,
          score: 8,
          comment: "Nice",
          improvement: null,
          answered_at: before.answered_at,
        })
      )
    })
  },
})
