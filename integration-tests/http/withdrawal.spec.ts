import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow, createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  deliverFulfillment,
  fulfillOrder,
  placeOrder,
  receiveReturn,
  shipFulfillment,
  SHIPPING_ADDRESS,
  type SeededStore,
} from "../../scripts/fixtures/store"
import { formatDateTime } from "../../src/i18n/format"
import { signLink } from "../../src/lib/signed-link"
import { unsubscribeUrl } from "../../src/lib/unsubscribe"
import { customerHeaders } from "../helpers/admin"
import { DAY_MS, dispatch, followupService, followupsOf, freshTestStore, readMailbox, restorePluginOptions, testAppEnv, waitFor } from "../helpers/followups"
import { ADMIN_RETURN_POLICY as POLICY, DUTCH_RETURN_TERMS as TERMS } from "../helpers/returns"

jest.setTimeout(180_000)

const mailbox = testAppEnv()

const WITHDRAWALS = "/store/post-purchase/withdrawals"


const FORM = { headers: { "content-type": "application/x-www-form-urlencoded" } }

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))
    afterEach(() => restorePluginOptions())

    const refused = (promise: Promise<any>) => promise.then((response) => response, (e) => e.response)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishable_key } })

    /** A guest's order of Linen Shirt (S), Organic Coffee Beans (2×) and Canvas Tote Bag, in English, its confirmation sent. */
    async function guestOrder(email: string, { items }: { items?: { variant_id: string; quantity: number }[] } = {}) {
      const container = getContainer()
      const orderId = await placeOrder(container, store, {
        customer_id: null,
        email,
        locale: "en-GB",
        items: items ?? [
          { variant_id: store.variants[0].id, quantity: 1 },
          { variant_id: store.variants[3].id, quantity: 2 },
          { variant_id: store.variants[4].id, quantity: 1 },
        ],
      })
      await followupsOf(container, orderId, 2)
      await dispatch(container)
      return orderId
    }

    /** Fulfills, ships and delivers every item, as the admin does; returns the fulfillment. */
    async function deliver(orderId: string) {
      const container = getContainer()
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)
      await deliverFulfillment(container, orderId, fulfillmentId)
      return fulfillmentId
    }

    /** The order's confirmation as it landed in the mailbox, text with plain spaces. */
    const confirmationOf = (orderId: string) => {
      const email = readMailbox(mailbox).find((e) => e.meta.data.order_id === orderId && e.flow === "order-confirmation")!
      return { ...email, text: email.text.replace(/[\u00a0\u202f]/g, " ") }
    }

    /** The withdrawal link of the order's confirmation, as the customer clicks it: its path and query. */
    function withdrawalLink(orderId: string) {
      const { html } = confirmationOf(orderId)
      const anchor = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes('data-link="withdrawal"'))
      expect(anchor).toBeDefined()
      const url = new URL(/href="([^"]+)"/.exec(anchor!)![1].replace(/&amp;/g, "&"))
      return { path: `${url.pathname}${url.search}`, token: url.searchParams.get("token")! }
    }

    const lineItems = async (orderId: string) => {
      const {
        data: [order],
      } = await query().graph({ entity: "order", fields: ["items.id", "items.product_title"], filters: { id: orderId } })
      return Object.fromEntries((order.items as { id: string; product_title: string }[]).map((item) => [item.product_title, item.id]))
    }

    const returnsOf = async (orderId: string) =>
      (
        await query().graph({
          entity: "return",
          fields: ["id", "status", "metadata", "items.item_id", "items.quantity", "shipping_methods.shipping_option_id", "shipping_methods.amount", "fulfillments.id"],
          filters: { order_id: orderId },
        })
      ).data as any[]

    const form = (fields: [string, string][]) => new URLSearchParams(fields).toString()

    /** A return shipping option of the warehouse, by post, as a shop sets one up in the admin. */
    async function seedReturnOption() {
      const container = getContainer()
      const {
        data: [zone],
      } = await query().graph({ entity: "service_zone", fields: ["id"] })
      const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
      const {
        result: [option],
      } = await createShippingOptionsWorkflow(container).run({
        input: [
          {
            name: "Return by post",
            price_type: "flat",
            provider_id: "manual_manual",
            service_zone_id: zone.id,
            shipping_profile_id: profile.id,
            type: { label: "Return", description: "Send it back by post", code: "return" },
            prices: [{ currency_code: "eur", amount: 6.5 }],
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" },
              { attribute: "is_return", value: "true", operator: "eq" },
            ],
          },
        ],
      })
      return option.id as string
    }

    it("a guest withdraws two of three items with the link from the confirmation: a return request for those two, acknowledged with the date and time", async () => {
      const container = getContainer()
      await api.post(POLICY, TERMS, admin)
      const returnOptionId = await seedReturnOption()
      const orderId = await guestOrder("gina@example.com")
      const items = await lineItems(orderId)

      // the confirmation carries the right of withdrawal, in text and HTML
      const confirmation = confirmationOf(orderId)
      expect(confirmation.html).toContain('data-block="withdrawal"')
      for (const part of [confirmation.text, confirmation.html]) {
        expect(part).toContain("You can withdraw from this purchase within 14 days without giving any reason. The withdrawal period ends 14 days after the day you")
        expect(part).toContain("You pay the direct cost of sending the items back: €4.95.")
        expect(part).toContain("Withdraw from contract here")
      }
      const link = withdrawalLink(orderId)
      expect(confirmation.text).toContain(`Withdraw from contract here http://localhost:9000${link.path}`)
      await deliver(orderId)

      // the page: the order's items to tick, the email filled in
      const page = await api.get(link.path)
      expect(page.status).toBe(200)
      expect(page.headers["cache-control"]).toBe("no-store")
      expect(page.data).toContain("<title>Withdraw from contract here · ")
      expect(page.data).toMatch(/<h1>Withdraw from contract here<\/h1>/)
      expect(page.data).toContain(`Order #`)
      for (const id of Object.values(items)) {
        expect(page.data).toContain(`name="item" value="${id}"`)
      }
      expect(page.data).toContain('value="gina@example.com"')
      // nothing happened by opening it
      expect(await returnsOf(orderId)).toEqual([])

      const choice: [string, string][] = [
        ["item", items["Linen Shirt"]],
        [`quantity_${items["Linen Shirt"]}`, "1"],
        ["item", items["Canvas Tote Bag"]],
        [`quantity_${items["Canvas Tote Bag"]}`, "1"],
        ["name", "Gina Jansen"],
        ["email", "Gina@Example.com"],
      ]
      const review = await api.post(link.path, form([["step", "review"], ...choice]), FORM)
      expect(review.status).toBe(200)
      expect(review.data).toContain("Check your withdrawal")
      expect(review.data).toContain("1 × Linen Shirt (S)")
      expect(review.data).toContain("1 × Canvas Tote Bag")
      expect(review.data).not.toContain("Organic Coffee Beans")
      expect(review.data).toMatch(/<button type="submit" class="primary" data-testid="withdraw-confirm">Confirm withdrawal<\/button>/)
      // the review withdraws nothing; only its confirmation does
      expect(await returnsOf(orderId)).toEqual([])

      const done = await api.post(link.path, form([["step", "confirm"], ...choice]), FORM)
      expect(done.status).toBe(200)
      expect(done.data).toContain("Your withdrawal is confirmed")
      expect(done.data).toContain("An acknowledgement is on its way to gina@example.com")

      // a Medusa return request for exactly those two, with the shop's return option at the policy's fee
      const [orderReturn, ...more] = await returnsOf(orderId)
      expect(more).toEqual([])
      expect(orderReturn.status).toBe("requested")
      expect(orderReturn.items.map((i: any) => [i.item_id, Number(i.quantity)]).sort()).toEqual(
        [
          [items["Linen Shirt"], 1],
          [items["Canvas Tote Bag"], 1],
        ].sort()
      )
      expect(orderReturn.shipping_methods.map((m: any) => [m.shipping_option_id, Number(m.amount)])).toEqual([[returnOptionId, 4.95]])
      expect(orderReturn.fulfillments).toHaveLength(1)

      const service = followupService(container)
      const [withdrawal] = await service.listWithdrawals({ order_id: orderId })
      expect(withdrawal).toEqual(
        expect.objectContaining({ return_id: orderReturn.id, name: "Gina Jansen", email: "Gina@Example.com", channel: "email_link", customer_id: null })
      )
      expect(orderReturn.metadata).toEqual({ pp_withdrawal_id: withdrawal.id })
      expect(done.data).toContain(formatDateTime(new Date(withdrawal.withdrawn_at).toISOString(), "en-GB", "Europe/Amsterdam"))

      // the return request's event recorded the two items as pending return
      const returned = await waitFor(async () => {
        const rows = await service.listReturnedItems({ order_id: orderId })
        return rows.length === 2 && rows
      }, "the returned items")
      expect(returned.map((r) => [r.line_item_id, r.requested_quantity, r.received_quantity]).sort()).toEqual(
        [
          [items["Linen Shirt"], 1, 0],
          [items["Canvas Tote Bag"], 1, 0],
        ].sort()
      )

      // the acknowledgement goes at once, in the order's language, with what and when
      await dispatch(container)
      const acknowledgement = readMailbox(mailbox).find((e) => e.flow === "withdrawal-confirmation" && e.meta.data.order_id === orderId)!
      expect(acknowledgement.meta.to).toBe("gina@example.com")
      expect(acknowledgement.meta.subject).toMatch(/: we’ve received your withdrawal from order #\d+$/)
      const text = acknowledgement.text.replace(/[\u00a0\u202f]/g, " ")
      const when = formatDateTime(new Date(withdrawal.withdrawn_at).toISOString(), "en-GB", "Europe/Amsterdam")
      expect(when).toMatch(/^\d{1,2} \w+ \d{4} at \d{2}:\d{2} CES?T$/)
      for (const expected of [
        `We received your withdrawal on ${when}.`,
        "1 × Linen Shirt",
        "1 × Canvas Tote Bag",
        "Stated by Gina Jansen (Gina@Example.com).",
        "Please send the items back to us, or bring them to our shop, within 14 days of today.",
        "Keizersgracht 1",
        "You pay the direct cost of sending them back: €4.95.",
      ]) {
        expect(text).toContain(expected)
      }
      expect(text).not.toContain("Organic Coffee Beans")

      // a partial return: the marketing follow-up stays
      const followups = await followupsOf(container, orderId, 3)
      expect(followups["thank-you"].status).toBe("scheduled")
      expect(followups["withdrawal-confirmation"]).toEqual(expect.objectContaining({ status: "sent", anchor_event: "withdrawal.recorded" }))

      // the admin lists it as sent when the customer withdraws, and cannot delay it
      const { data: flows } = await api.get("/admin/post-purchase/flows", admin)
      expect(flows.flows.find((f: any) => f.key === "withdrawal-confirmation")).toEqual(
        expect.objectContaining({ label: "Withdrawal acknowledgement", category: "transactional", trigger: "withdrawal", delay_seconds: 0 })
      )
      const delayed = await refused(api.post("/admin/post-purchase/flows/withdrawal-confirmation", { delay_seconds: 3600 }, admin))
      expect(delayed.status).toBe(400)
      expect(delayed.data.message).toBe('delay_seconds: "withdrawal-confirmation" is sent as soon as its withdrawal is recorded, so it takes no delay')
    })

    it("through the Store API: a guest withdraws every item with the link's token; once they are back, the marketing follow-ups are canceled; a signed-in customer withdraws from their own orders only", async () => {
      const container = getContainer()
      // no return shipping option, no policy: the statutory right alone
      const orderId = await guestOrder("hans@example.com", {
        items: [
          { variant_id: store.variants[0].id, quantity: 1 },
          { variant_id: store.variants[3].id, quantity: 2 },
        ],
      })
      const { token } = withdrawalLink(orderId)
      const fulfillmentId = await fulfillOrder(container, orderId)
      await shipFulfillment(container, orderId, fulfillmentId)

      const { data } = await api.get(`${WITHDRAWALS}?token=${encodeURIComponent(token)}`, storeHeaders())
      expect(data.order).toEqual(expect.objectContaining({ id: orderId, email: "hans@example.com", eu: true, withdrawals: [] }))
      expect(data.order.items.map((i: any) => [i.title, i.quantity, i.withdrawable_quantity, i.reason])).toEqual(
        expect.arrayContaining([
          ["Linen Shirt", 1, 1, null],
          ["Organic Coffee Beans", 2, 2, null],
        ])
      )
      const every = data.order.items.map((i: any) => ({ id: i.id, quantity: i.withdrawable_quantity }))
      const body = { token, name: "Hans Müller", email: "hans@example.com", items: every }

      // the separate confirmation is not optional
      const unconfirmed = await refused(api.post(WITHDRAWALS, body, storeHeaders()))
      expect(unconfirmed.status).toBe(400)
      expect(unconfirmed.data.message).toMatch(/confirm must be true/)
      expect(await returnsOf(orderId)).toEqual([])

      const { status, data: withdrawn } = await api.post(WITHDRAWALS, { ...body, confirm: true }, storeHeaders())
      expect(status).toBe(200)
      expect(withdrawn.withdrawal).toEqual(
        expect.objectContaining({ order_id: orderId, return_id: withdrawn.return_id, channel: "store_link", name: "Hans Müller" })
      )
      expect(Date.now() - new Date(withdrawn.withdrawal.withdrawn_at).getTime()).toBeLessThan(60_000)

      // without a return option the request still exists, without shipping, for the admin to complete
      const [orderReturn] = await returnsOf(orderId)
      expect(orderReturn).toEqual(expect.objectContaining({ id: withdrawn.return_id, status: "requested", shipping_methods: [], fulfillments: [] }))
      expect(orderReturn.items).toHaveLength(2)
      // and nothing is left to withdraw
      const after = (await api.get(`${WITHDRAWALS}?token=${encodeURIComponent(token)}`, storeHeaders())).data.order
      expect(after.items.map((i: any) => i.reason)).toEqual(["returned", "returned"])
      expect(after.withdrawals).toEqual([expect.objectContaining({ id: withdrawn.withdrawal.id })])

      await receiveReturn(container, withdrawn.return_id)
      const thankYou = await waitFor(async () => {
        const [row] = await followupService(container).listFollowups({ order_id: orderId, flow: "thank-you" })
        return row.status === "canceled" && row
      }, "the thank-you canceled")
      expect(thankYou.status_reason).toBe("Every item of the order was returned")
      const [acknowledgement] = await followupService(container).listFollowups({ order_id: orderId, flow: "withdrawal-confirmation" })
      expect(acknowledgement.status).toBe("scheduled")

      // a signed-in customer, by order id: their own order only
      const cleo = await customerHeaders(container, store.publishable_key, "cleo@example.com")
      const cleosOrder = await placeOrder(container, store, { customer_id: cleo.customer.id, email: "cleo@example.com" })
      await fulfillOrder(container, cleosOrder)
      const own = await api.get(`${WITHDRAWALS}?order_id=${cleosOrder}`, { headers: cleo.headers })
      expect(own.data.order.id).toBe(cleosOrder)
      expect((await refused(api.get(`${WITHDRAWALS}?order_id=${orderId}`, { headers: cleo.headers }))).status).toBe(404)
      expect((await refused(api.get(`${WITHDRAWALS}?order_id=${cleosOrder}`, storeHeaders()))).status).toBe(401)
      const line = own.data.order.items[0]
      const byCustomer = await api.post(
        WITHDRAWALS,
        { order_id: cleosOrder, name: "Cleo", email: "cleo@example.com", items: [{ id: line.id, quantity: 1 }], confirm: true },
        { headers: cleo.headers }
      )
      expect(byCustomer.data.withdrawal).toEqual(expect.objectContaining({ channel: "store_customer", order_id: cleosOrder }))
      expect((await followupService(container).listWithdrawals({ order_id: cleosOrder }))[0].customer_id).toBe(cleo.customer.id)
    })

    it("refuses a tampered, expired or foreign link, an Article 16 item, an item past its last day, too many, or another email with a 400, and creates nothing", async () => {
      const container = getContainer()
      await api.post(
        POLICY,
        { ...TERMS, withdrawal_exceptions: [{ product_ids: [store.products[1].id], exception: "perishable" }] },
        admin
      )
      const orderId = await guestOrder("ida@example.com")
      await deliver(orderId)
      const items = await lineItems(orderId)
      const link = withdrawalLink(orderId)
      // the confirmation names the exception among the order's items
      expect(confirmationOf(orderId).text).toContain("The right of withdrawal does not apply to: Organic Coffee Beans (quickly perishable).")

      // another guest's order, delivered 40 days ago: past the 30 days
      const lateOrder = await guestOrder("jan@example.com", { items: [{ variant_id: store.variants[4].id, quantity: 1 }] })
      const lateFulfillment = await deliver(lateOrder)
      await container.resolve(Modules.FULFILLMENT).updateFulfillment(lateFulfillment, { delivered_at: new Date(Date.now() - 40 * DAY_MS) })
      const late = withdrawalLink(lateOrder)
      const lateItems = await lineItems(lateOrder)

      const keys = followupService(container).getSigningKeys()
      const [version, keyId, claims, signature] = link.token.split(".")
      const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), order_id: lateOrder })).toString("base64url")
      const badTokens: Record<string, [string, RegExp, string]> = {
        tampered: [`${version}.${keyId}.${forged}.${signature}`, /^token: the withdrawal link is incomplete or was changed$/, "This link does not work"],
        "bad signature": [`${version}.${keyId}.${claims}.${signature.slice(0, -2)}AA`, /^token: the withdrawal link is incomplete or was changed$/, "This link does not work"],
        expired: [
          signLink({ purpose: "withdraw", order_id: orderId, email: "ida@example.com" }, new Date(Date.now() - 1000), keys),
          /^token: the withdrawal link has expired$/,
          "This link has expired",
        ],
        "wrong purpose": [
          new URL(unsubscribeUrl({ email: "ida@example.com", flow: "thank-you" }, followupService(container).getOptions(), keys)).searchParams.get("token")!,
          /^token: this is not a withdrawal link's token$/,
          "This link does not work",
        ],
      }
      const linen = { id: items["Linen Shirt"], quantity: 1 }
      const body = { name: "Ida", email: "ida@example.com", items: [linen], confirm: true }
      for (const [what, [badToken, message, pageTitle]] of Object.entries(badTokens)) {
        const json = await refused(api.post(WITHDRAWALS, { ...body, token: badToken }, storeHeaders()))
        expect([what, json.status]).toEqual([what, 400])
        expect(json.data.message).toMatch(message)
        const path = `/hooks/post-purchase/withdraw?token=${encodeURIComponent(badToken)}`
        const page = await refused(api.get(path))
        const confirm = await refused(
          api.post(path, form([["step", "confirm"], ["item", linen.id], [`quantity_${linen.id}`, "1"], ["name", "Ida"], ["email", "ida@example.com"]]), FORM)
        )
        expect([what, page.status, confirm.status]).toEqual([what, 400, 400])
        expect(page.data).toContain(pageTitle)
      }

      const cases: [string, Record<string, unknown>, RegExp][] = [
        ["another order's token for this order's items", { token: late.token, email: "jan@example.com" }, new RegExp(`^items\\[0\\]: ${linen.id} is not an item of order #\\d+$`)],
        [
          "an Article 16 item",
          { token: link.token, items: [linen, { id: items["Organic Coffee Beans"], quantity: 1 }] },
          /^items\[1\]: "Organic Coffee Beans" cannot be withdrawn: quickly perishable \(Article 16\(d\)\)$/,
        ],
        [
          "an item past its last day",
          { token: late.token, email: "jan@example.com", items: [{ id: lateItems["Canvas Tote Bag"], quantity: 1 }] },
          /^items\[0\]: "Canvas Tote Bag" cannot be withdrawn: its withdrawal period ended on \w+ \d{1,2}, \d{4}$/,
        ],
        ["too many", { token: link.token, items: [{ ...linen, quantity: 2 }] }, /^items\[0\]: quantity 2 is more than the 1 of "Linen Shirt" that can be withdrawn$/],
        ["another email", { token: link.token, email: "someone@example.com" }, /^email: this is not the email address of order #\d+/],
        ["no items", { token: link.token, items: [] }, /items needs at least one item/],
        ["neither token nor sign-in", {}, /^token is required/],
      ]
      for (const [what, patch, message] of cases) {
        const response = await refused(api.post(WITHDRAWALS, { ...body, ...patch }, storeHeaders()))
        expect([what, response.status]).toEqual([what, 400])
        expect(response.data.message).toMatch(message)
      }

      // on the hosted page, the message is next to its field
      const coffee = items["Organic Coffee Beans"]
      const page = (await api.get(link.path)).data
      expect(page).toContain("<li>Organic Coffee Beans (500 g): quickly perishable (Article 16(d))</li>")
      expect(page).not.toContain(`name="item" value="${coffee}"`)
      const wrongEmail = await refused(
        api.post(link.path, form([["step", "review"], ["item", linen.id], [`quantity_${linen.id}`, "1"], ["name", "Ida"], ["email", "nope@example.com"]]), FORM)
      )
      expect(wrongEmail.status).toBe(400)
      expect(wrongEmail.data).toMatch(/aria-invalid="true" aria-describedby="error-email"/)
      expect(wrongEmail.data).toContain('<p class="error" id="error-email">This is not the email address of the order. Use the address you ordered with.</p>')
      const tooMany = await refused(
        api.post(link.path, form([["step", "confirm"], ["item", linen.id], [`quantity_${linen.id}`, "3"], ["name", ""], ["email", "ida@example.com"]]), FORM)
      )
      expect(tooMany.status).toBe(400)
      expect(tooMany.data).toContain(`<p class="error" id="error-${linen.id}">Choose a quantity from 1 to 1.</p>`)
      expect(tooMany.data).toContain('<p class="error" id="error-name">Please enter your name.</p>')
      const exception = await refused(
        api.post(link.path, form([["step", "review"], ["item", coffee], [`quantity_${coffee}`, "1"], ["name", "Ida"], ["email", "ida@example.com"]]), FORM)
      )
      expect(exception.status).toBe(400)
      expect(exception.data).toContain(
        `<li id="error-${coffee}">Organic Coffee Beans (500 g): This item can’t be withdrawn: quickly perishable (Article 16(d)).</li>`
      )

      // nothing was created: no return, no withdrawal, no acknowledgement
      expect(await returnsOf(orderId)).toEqual([])
      expect(await returnsOf(lateOrder)).toEqual([])
      expect(await followupService(container).listWithdrawals({})).toEqual([])
      await dispatch(container)
      expect(readMailbox(mailbox).filter((e) => e.flow === "withdrawal-confirmation")).toEqual([])
    })

    it("an order delivered outside the EU gets no withdrawal block in its confirmation", async () => {
      const container = getContainer()
      const {
        result: [switzerland],
      } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "Switzerland", currency_code: "eur", countries: ["ch"], payment_providers: ["pp_system_default"] }] },
      })
      const {
        data: [zone],
      } = await query().graph({ entity: "service_zone", fields: ["id"] })
      await container.resolve(Modules.FULFILLMENT).createGeoZones({ service_zone_id: zone.id, type: "country", country_code: "ch" })
      const orderId = await placeOrder(container, { ...store, region_id: switzerland.id }, {
        customer_id: null,
        email: "urs@example.com",
        locale: "en-GB",
        shipping_address: { ...SHIPPING_ADDRESS, city: "Zürich", postal_code: "8001", country_code: "ch" },
      })
      await followupsOf(container, orderId, 2)
      await dispatch(container)
      const { html, text } = confirmationOf(orderId)
      expect(text).toContain("Switzerland")
      expect(html).not.toContain('data-block="withdrawal"')
      for (const part of [html, text]) {
        expect(part).not.toContain("Withdraw from contract here")
        expect(part).not.toContain("right of withdrawal")
      }
    })
  },
})
