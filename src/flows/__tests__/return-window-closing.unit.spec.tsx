import { renderEmail } from "../../emails/render"
import { sampleBrand, sampleOrder } from "../../emails/sample-data"
import { translator } from "../../i18n"
import { parsePluginOptions } from "../../modules/post-purchase/options"
import type { OrderReturnTerms } from "../../lib/return-terms"
import { returnWindowClosingFlow as flow } from "../return-window-closing"
import { effectiveFlowSetting } from "../settings"

const options = parsePluginOptions({ storefrontUrl: "https://shop.example" })

/** The email's plain text with plain spaces (Intl puts no-break spaces in amounts). */
async function render(locale: string, patch: Record<string, unknown> = {}) {
  const props = { ...flow.previewProps(sampleBrand, options, translator(locale)), ...patch }
  const { html, text } = await renderEmail(flow.template(props))
  return { subject: flow.subject(props), html, text: text.replace(/\u00a0/g, " ") }
}

describe("the return window closing email", () => {
  it("says until when, in the customer's language, with the weekday", async () => {
    const cases: [string, string][] = [
      ["en-GB", "You can return items from order #1001 until Wednesday 16 April."],
      ["nl-NL", "Je kunt artikelen uit bestelling #1001 retourneren tot en met woensdag 16 april."],
      ["de-DE", "Du kannst Artikel aus Bestellung #1001 bis Mittwoch, 16. April zurücksenden."],
      ["fr-FR", "Vous pouvez retourner des articles de la commande n° 1001 jusqu’au mercredi 16 avril."],
    ]
    for (const [locale, sentence] of cases) {
      const { text } = await render(locale)
      expect({ locale, has: text.includes(sentence) }).toEqual({ locale, has: true })
    }
    expect((await render("nl-NL")).subject).toBe("Nog een paar dagen om artikelen uit bestelling #1001 te retourneren")
  })

  it("shows what can still go back with pictures, how to return, the policy's button and the unsubscribe link", async () => {
    const { html, text } = await render("en")
    expect(text).toContain("These items can still go back")
    for (const item of sampleOrder.items) {
      expect(text).toContain(item.title)
    }
    expect(html).toContain('src="https://acme-outfitters.example/images/organic-cotton-tee.jpg"')
    expect(text).toContain("Send them back by post or bring them to our shop.")
    expect(text).toContain("Return shipping costs €4.95.")
    expect(html).toMatch(/<a href="https:\/\/acme-outfitters.example\/returns"[^>]*>.*Read our returns policy/s)
    expect(html).toContain(`${options.backendUrl}/hooks/post-purchase/unsubscribe?token=preview`)
    expect(text).toMatch(/Unsubscribe from these emails/)
  })

  it("free returns say so; without a policy URL the button goes to the shop; before the delivery the window is given in days", async () => {
    const free = { ...flow.previewProps(sampleBrand, options, translator("en")).returnsPolicy!, fee: 0, url: null }
    const { html, text } = await render("en", { returnsPolicy: free, lastDay: null, returnableItems: [sampleOrder.items[1]] })
    expect(text).toContain("Returns are free.")
    expect(text).toContain("This item can still go back")
    expect(text).toContain("You can return items within 30 days of delivery.")
    expect(text).not.toContain("Organic Cotton Tee")
    expect(html).toMatch(/<a href="https:\/\/shop.example"[^>]*>.*Read our returns policy/s)
    // an order placed before the shop had a policy (only a test email meets one): no window to speak of
    const none = await render("en", { returnsPolicy: null, lastDay: null })
    expect(none.text).not.toMatch(/can’t be returned|within \d+ days|How to return/)
  })
})

describe("the return window closing flow", () => {
  it("is off until the shop switches it on, and always counts from the delivery", () => {
    const setting = effectiveFlowSetting(flow, parsePluginOptions({ flows: { "return-window-closing": { anchor: "placed" } } }), [
      { flow: "return-window-closing", enabled: true, delay_seconds: 60, anchor: "shipped" },
    ])
    expect(setting).toEqual(expect.objectContaining({ enabled: true, anchor: "delivered", default_anchor: "delivered" }))
    expect(effectiveFlowSetting(flow, options, []).enabled).toBe(false)
  })

  it("tells the admin how many days before, from the plugin option", () => {
    const description = flow.description as (o: typeof options) => string
    expect(description(parsePluginOptions({ returns: { windowClosingDays: 5 } }))).toContain(
      "5 days before their last day (plugin option returns.windowClosingDays)"
    )
    expect(flow.describeDueAt!(parsePluginOptions({ returns: { windowClosingDays: 1 } }))).toBe(
      "1 day before the last day to return, at 09:00 Europe/Amsterdam"
    )
  })

  it("fills the email with the order's last day and only the items that can still go back", () => {
    const item = (item_id: string, returnable: boolean) => ({
      item_id,
      returnable,
      basis: returnable ? ("policy" as const) : null,
      window_days: returnable ? 30 : null,
      last_day: returnable ? "2026-07-10" : null,
      reason: returnable ? null : ("withdrawal_exception" as const),
      withdrawal_exception: returnable ? null : ("perishable" as const),
    })
    const [tee, tote, socks] = sampleOrder.items
    const terms = {
      order_id: sampleOrder.id,
      policy: null,
      eu: true,
      delivered_at: "2026-06-10T12:00:00.000Z",
      delivery_estimated: false,
      last_day: "2026-07-10",
      window_closes_at: "2026-07-10T21:59:59.999Z",
      return_fee: 0,
      currency_code: "eur",
      items: [item(tee.id, true), item(tote.id, false), item(socks.id, true)],
    } satisfies OrderReturnTerms
    const order = {
      id: sampleOrder.id,
      status: "completed",
      email: sampleOrder.email,
      display_id: 1001,
      currency_code: "eur",
      created_at: sampleOrder.created_at,
      items: sampleOrder.items.map((i) => ({ ...i, product_title: i.title })),
    }
    const props = flow.buildProps({ order, options, brand: sampleBrand, i18n: translator("en"), returnTerms: terms })
    expect(props.lastDay).toBe("2026-07-10")
    expect(props.returnableItems.map((i) => i.title)).toEqual([tee.title, socks.title])
  })
})
