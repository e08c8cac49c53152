import { translator } from "../../i18n"
import { formatDate, formatMoney } from "../../i18n/format"
import { formatAddressLines, greetingName } from "../components/format"
import { OrderConfirmationEmail, type OrderConfirmationEmailProps } from "../order-confirmation"
import { renderEmail } from "../render"
import { ThankYouEmail, type ThankYouEmailProps } from "../thank-you"
import { ReviewRequestEmail, type ReviewRequestEmailProps } from "../review-request"
import type { EmailOrder } from "../types"

const confirmationProps: OrderConfirmationEmailProps = OrderConfirmationEmail.PreviewProps
const thankYouProps: ThankYouEmailProps = ThankYouEmail.PreviewProps
const order = confirmationProps.order
/** The HTML from the footer's opening tag on, so footer assertions cannot match the body. */
function footerOf(html: string): string {
  const start = html.indexOf('data-block="footer"')
  expect(start).toBeGreaterThan(-1)
  return html.slice(start)
}

function expectNoBrokenValues(rendered: { html: string; text: string }) {
  for (const part of [rendered.html, rendered.text]) {
    expect(part).not.toMatch(/undefined|NaN|null|\[object Object\]/)
  }
}

describe("formatMoney", () => {
  it("formats amounts already in the main unit", () => {
    expect(formatMoney(19.5, "eur")).toBe("€19.50")
    expect(formatMoney(62.74, "EUR")).toBe("€62.74")
    expect(formatMoney(1234.5, "usd")).toBe("$1,234.50")
  })

  it("uses no decimals for zero-decimal currencies", () => {
    expect(formatMoney(1500, "jpy")).toBe("¥1,500")
  })

  it("follows the locale", () => {
    expect(formatMoney(19.5, "eur", "nl-NL")).toMatch(/^€\s19,50$/)
  })

  it("refuses amounts that would print as NaN", () => {
    expect(() => formatMoney(Number.NaN, "eur")).toThrow(/finite/)
    expect(() => formatMoney(undefined as any, "eur")).toThrow(/finite/)
  })
})

describe("formatDate, greetingName and formatAddressLines", () => {
  it("formats an ISO date in UTC and rejects an invalid one", () => {
    expect(formatDate("2025-03-14T23:30:00.000Z")).toBe("March 14, 2025")
    expect(() => formatDate("not a date")).toThrow(/ISO 8601/)
  })

  it("greets by first name, then the shipping name, else not by name", () => {
    expect(greetingName(order)).toBe("Anna")
    expect(greetingName({ customer_first_name: " ", shipping_address: order.shipping_address })).toBe("Anna")
    expect(greetingName({ customer_first_name: null, shipping_address: null })).toBeNull()
  })

  it("formats a Dutch address and leaves out empty parts", () => {
    expect(formatAddressLines(order.shipping_address!, translator("en").country)).toEqual([
      "Anna de Vries",
      "Prinsengracht 263",
      "3e verdieping",
      "1016 GV Amsterdam",
      "Netherlands",
    ])
  })
})

describe("OrderConfirmationEmail", () => {
  let rendered: { html: string; text: string }

  beforeAll(async () => {
    rendered = await renderEmail(<OrderConfirmationEmail {...confirmationProps} />)
  })

  it("shows every item with its quantity, the total, the order number and the shipping city", () => {
    for (const item of order.items) {
      expect(rendered.html).toContain(item.title)
      expect(rendered.html).toContain(`Quantity: ${item.quantity}`)
      expect(rendered.html).toContain(formatMoney(item.total, order.currency_code))
    }
    expect(rendered.html).toContain("€62.74")
    expect(rendered.html).toContain("#1001")
    expect(rendered.html).toContain("Amsterdam")
    expect(rendered.html).toContain("Thanks for your order, Anna!")
    expect(rendered.html).toContain("Order #1001 is confirmed")
    expect(rendered.html).toContain("March 14, 2025")
  })

  it("lists subtotal, shipping, discount, tax and total", () => {
    for (const [label, amount] of [
      ["Subtotal", "€51.90"],
      ["Shipping", "€4.95"],
      ["Discount", "-€5.00"],
      ["Tax", "€10.89"],
      ["Total", "€62.74"],
    ]) {
      expect(rendered.text).toMatch(new RegExp(`${label}\\s+${amount.replace(/[$€.]/g, "\\$&")}`))
    }
  })

  it("has a plain-text part with the item titles and the total", () => {
    expect(rendered.text.trim()).not.toBe("")
    for (const item of order.items) {
      expect(rendered.text).toContain(item.title)
    }
    expect(rendered.text).toContain("€62.74")
    expect(rendered.text).toContain("Thanks for your order, Anna!")
    expect(rendered.text).not.toContain("<")
  })

  it("shows thumbnails only for items that have one", () => {
    expect(rendered.html).toContain('src="https://acme-outfitters.example/images/organic-cotton-tee.jpg"')
    expect(rendered.html).not.toContain('alt="Wool Hiking Socks"')
  })

  it("prints no undefined, NaN or null", () => {
    expectNoBrokenValues(rendered)
  })

  it("quotes the returns policy: window, fee, how to send back, refund, conditions and the full policy's link", () => {
    expect(rendered.html).toContain('data-block="returns-policy"')
    const text = rendered.text.replace(/\u00a0/g, " ")
    expect(text).toContain("You can return items within 30 days of delivery.")
    expect(text).toContain("Return shipping costs €4.95.")
    expect(text).toContain("Send them back by post or bring them to our shop.")
    expect(text).toContain("You get your money back on your original payment method or store credit within 14 days of us receiving them.")
    expect(text).toContain("Unused, with the labels still on")
    expect(rendered.html).toContain('href="https://acme-outfitters.example/returns"')
    expect(text).toContain("Read the full policy")
  })

  it("says free returns, one way back, the order's items that can't go back; no block without a policy", async () => {
    const policy = { ...confirmationProps.returnsPolicy!, fee: 0, methods: ["in_store" as const], notReturnable: ["Canvas Tote Bag"], url: null }
    const dutch = await renderEmail(<OrderConfirmationEmail {...confirmationProps} i18n={translator("nl-NL")} returnsPolicy={policy} />)
    expect(dutch.text).toContain("Retourneren is gratis.")
    expect(dutch.text).toContain("Breng ze terug naar onze winkel.")
    expect(dutch.text).toContain("Niet te retourneren: Canvas Tote Bag.")
    expect(dutch.text).not.toContain("retourbeleid")
    const none = await renderEmail(<OrderConfirmationEmail {...confirmationProps} returnsPolicy={null} />)
    expect(none.html).not.toContain('data-block="returns-policy"')
  })

  it("links the button to the storefront", () => {
    expect(rendered.html).toContain(`href="${confirmationProps.storefrontUrl}"`)
    expect(rendered.text).toContain("Visit the shop")
  })

  it("has the brand name and the social links in the footer", () => {
    const footer = footerOf(rendered.html)
    expect(footer).toContain("Acme Outfitters")
    expect(footer).toContain('href="https://www.instagram.com/acmeoutfitters"')
    expect(footer).toContain('href="mailto:help@acme-outfitters.example"')
    expect(footer).toContain('href="https://acme-outfitters.example/newsletter"')
    expect(footer).toContain("Keizersgracht 123")
  })

  it("uses the brand colour for the header rule and the button", () => {
    expect(rendered.html).toContain("border-top:3px solid #0f766e")
    expect(rendered.html).toContain("background-color:#0f766e")
  })

  it("copes with a guest without name, address, discount or thumbnails, and free shipping", async () => {
    const bare: EmailOrder = {
      ...order,
      customer_first_name: null,
      shipping_address: null,
      discount_total: 0,
      shipping_total: 0,
      items: order.items.map((item) => ({ ...item, thumbnail: null, variant_title: null })),
    }
    const result = await renderEmail(<OrderConfirmationEmail {...confirmationProps} order={bare} />)
    expect(result.html).toContain("Thanks for your order!")
    expect(result.html).not.toContain("Discount")
    expect(result.html).not.toContain("Shipping to")
    expect(result.html).not.toContain("<img")
    expect(result.text).toMatch(/Shipping\s+Free/)
    expectNoBrokenValues(result)
  })

  it("shows the logo instead of the name when the brand has one", async () => {
    const result = await renderEmail(
      <OrderConfirmationEmail
        {...confirmationProps}
        brand={{ ...confirmationProps.brand, logoUrl: "https://acme-outfitters.example/logo.png" }}
      />
    )
    expect(result.html).toContain('src="https://acme-outfitters.example/logo.png"')
  })
})

describe("ThankYouEmail", () => {
  let rendered: { html: string; text: string }

  beforeAll(async () => {
    rendered = await renderEmail(<ThankYouEmail {...thankYouProps} />)
  })

  it("thanks the customer by name and mentions what they bought", () => {
    expect(rendered.html).toContain("Thank you, Anna!")
    expect(rendered.html).toContain("We hope you love your Organic Cotton Tee and 2 more items.")
    expect(rendered.html).toContain("#1001")
  })

  it("has a plain-text part with the thanks and the first item", () => {
    expect(rendered.text.trim()).not.toBe("")
    expect(rendered.text).toContain("Thank you, Anna!")
    expect(rendered.text).toContain("Organic Cotton Tee")
  })

  it("links to what's new and shows the highlights", () => {
    expect(rendered.text).toContain("Discover what’s new")
    expect(rendered.html).toContain(`href="${thankYouProps.storefrontUrl}"`)
    for (const highlight of thankYouProps.highlights!) {
      expect(rendered.html).toContain(highlight.title)
      expect(rendered.html).toContain(`href="${highlight.url}"`)
    }
  })

  it("does not contain the confirmation's price table or returns block", () => {
    expect(rendered.html).not.toContain('data-block="order-items"')
    expect(rendered.html).not.toContain('data-block="returns-policy"')
    expect(rendered.html).not.toContain("Subtotal")
    expect(rendered.html).not.toContain("€")
  })

  it("prints no undefined, NaN or null", () => {
    expectNoBrokenValues(rendered)
  })

  it("has the brand name and the social links in the footer", () => {
    const footer = footerOf(rendered.html)
    expect(footer).toContain("Acme Outfitters")
    expect(footer).toContain('href="https://www.facebook.com/acmeoutfitters"')
  })

  it("says 'item' for one more item, and nothing about items for an empty order", async () => {
    const twoItems = await renderEmail(
      <ThankYouEmail {...thankYouProps} order={{ ...order, items: order.items.slice(0, 2) }} />
    )
    expect(twoItems.html).toContain("Organic Cotton Tee and 1 more item.")

    const oneItem = await renderEmail(<ThankYouEmail {...thankYouProps} order={{ ...order, items: order.items.slice(0, 1) }} />)
    expect(oneItem.html).toContain("We hope you love your Organic Cotton Tee.")

    const noItems = await renderEmail(<ThankYouEmail {...thankYouProps} order={{ ...order, items: [] }} highlights={[]} />)
    expect(noItems.html).not.toContain("We hope you love")
    expect(noItems.html).not.toContain('data-block="highlights"')
    expectNoBrokenValues(noItems)
  })

  it("carries an unsubscribe link only when given one", async () => {
    expect(rendered.html).not.toContain("Unsubscribe")
    const marketing = await renderEmail(
      <ThankYouEmail {...thankYouProps} unsubscribeUrl="https://acme-outfitters.example/unsubscribe?t=abc" />
    )
    expect(footerOf(marketing.html)).toContain('href="https://acme-outfitters.example/unsubscribe?t=abc"')
  })
})

// reviews: the review request and its reminder
describe("ReviewRequestEmail", () => {
  const reviewProps: ReviewRequestEmailProps = ReviewRequestEmail.PreviewProps
  let rendered: { html: string; text: string }

  beforeAll(async () => {
    rendered = await renderEmail(<ReviewRequestEmail {...reviewProps} />)
  })

  it("lists every item it is given with its picture and five star links, one to five stars, and a link to the form", () => {
    for (const item of reviewProps.items) {
      const row = rendered.html.slice(rendered.html.indexOf(`data-item="${item.id}"`))
      expect(row).toContain(item.title)
      const stars = [...row.matchAll(/<a\b[^>]*data-rating="(\d)"[^>]*>/g)].slice(0, 5)
      expect(stars.map((m) => m[1])).toEqual(["1", "2", "3", "4", "5"])
      stars.forEach((m, index) => expect(m[0]).toContain(`href="${item.starUrls[index].replace(/&/g, "&amp;")}"`))
      expect(row).toContain(`href="${item.reviewUrl.replace(/&/g, "&amp;")}"`)
    }
    expect(rendered.html).toContain('src="https://acme-outfitters.example/images/organic-cotton-tee.jpg"')
    expect(rendered.html).toContain('aria-label="3 stars out of 5"')
    expect(rendered.html).toContain('title="1 star out of 5"')
    expect(rendered.text).toContain("How do you like it, Anna?")
    expect(rendered.text).toContain("Write a review")
    expect(rendered.text).toContain("whatever the stars")
    expectNoBrokenValues(rendered)
  })

  it("shows only the items it is given: the flow passes the kept ones", async () => {
    const one = await renderEmail(<ReviewRequestEmail {...reviewProps} items={reviewProps.items.slice(1, 2)} />)
    expect(one.html).toContain("Canvas Tote Bag")
    expect(one.html).not.toContain("Organic Cotton Tee")
    expect(one.html.match(/data-rating=/g)).toHaveLength(5)
  })

  it("says the reminder in its own words, in every language, and escapes what the shop's data holds", async () => {
    const reminder = await renderEmail(<ReviewRequestEmail {...reviewProps} kind="reminder" />)
    expect(reminder.text).toContain("Do you have a minute, Anna?")
    expect(reminder.text).toContain("We won’t ask again.")
    expect(reminder.text).not.toContain("How do you like it")
    const de = await renderEmail(<ReviewRequestEmail {...reviewProps} i18n={translator("de-DE")} />)
    expect(de.text).toContain("Wie gefällt es dir, Anna?")
    expect(de.html).toContain('aria-label="3 Sterne von 5"')
    const fr = await renderEmail(<ReviewRequestEmail {...reviewProps} kind="reminder" i18n={translator("fr-FR")} />)
    expect(fr.text).toContain("Vous avez une minute, Anna ?")
    const nl = await renderEmail(<ReviewRequestEmail {...reviewProps} i18n={translator("nl-NL")} />)
    expect(nl.html).toContain('aria-label="1 ster van de 5"')
    const script = "<script>alert(1)</script>"
    const hostile = await renderEmail(
      <ReviewRequestEmail {...reviewProps} items={[{ ...reviewProps.items[0], title: script }]} />
    )
    expect(hostile.html).not.toContain(script)
    expect(hostile.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;")
  })
})

describe("renderEmail", () => {
  let consoleError: jest.SpyInstance

  beforeEach(() => {
    // React logs render errors before rejecting; the rejection is what is asserted.
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined)
  })

  afterEach(() => {
    consoleError.mockRestore()
  })

  it("rejects when the confirmation template throws", async () => {
    const broken = { ...order, items: null } as unknown as EmailOrder
    await expect(renderEmail(<OrderConfirmationEmail {...confirmationProps} order={broken} />)).rejects.toThrow()
  })

  it("rejects when the thank-you template throws", async () => {
    const broken = { ...order, items: null } as unknown as EmailOrder
    await expect(renderEmail(<ThankYouEmail {...thankYouProps} order={broken} />)).rejects.toThrow()
  })

  it("rejects when an amount is missing instead of printing NaN", async () => {
    const broken = { ...order, total: undefined } as unknown as EmailOrder
    await expect(renderEmail(<OrderConfirmationEmail {...confirmationProps} order={broken} />)).rejects.toThrow(
      /finite/
    )
  })

  it("rejects when a template renders nothing", async () => {
    function EmptyEmail() {
      return null
    }
    await expect(renderEmail(<EmptyEmail />)).rejects.toThrow(/EmptyEmail rendered an empty email/)
  })
})

describe("in the customer's language", () => {
  it("writes the confirmation in Dutch for nl-NL: texts from the catalog, amounts, dates and the country as the Dutch write them", async () => {
    const nl = translator("nl-NL")
    const result = await renderEmail(<OrderConfirmationEmail {...confirmationProps} i18n={nl} />)
    const text = result.text.replace(/\u00a0/g, " ")
    expect(result.html).toContain('lang="nl-NL"')
    expect(text).toContain("Bedankt voor je bestelling, Anna!")
    expect(text).toContain("14 maart 2025")
    expect(text).toMatch(/Totaal\s+€ 62,74/)
    expect(text).toContain("Verzendadres")
    expect(text).toContain("Nederland")
    expect(text).toContain("Aantal: 2 · € 14,50 per stuk")
    expect(text).toContain("Je kunt artikelen binnen 30 dagen na levering retourneren.")
    expect(text).not.toMatch(/Thanks|Quantity|Subtotal|Shipping to/)
    expectNoBrokenValues(result)
  })

  it("writes the thank-you in German and French, with plurals", async () => {
    const de = await renderEmail(<ThankYouEmail {...thankYouProps} i18n={translator("de-DE")} />)
    expect(de.text).toContain("Danke, Anna!")
    expect(de.text).toContain("Organic Cotton Tee und 2 weitere Artikel")
    const fr = await renderEmail(<ThankYouEmail {...thankYouProps} i18n={translator("fr-FR")} />)
    expect(fr.text).toContain("Merci, Anna !")
    expect(fr.text).toContain("Organic Cotton Tee et 2 autres articles")
    expect(fr.html).toContain('lang="fr-FR"')
  })
})
