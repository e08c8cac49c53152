import { translator } from "../../i18n"
import { OrderConfirmationEmail, type OrderConfirmationEmailProps } from "../order-confirmation"
import { renderEmail } from "../render"
import { WithdrawalConfirmationEmail, type WithdrawalConfirmationEmailProps } from "../withdrawal-confirmation"

const confirmation: OrderConfirmationEmailProps = OrderConfirmationEmail.PreviewProps
const acknowledgement: WithdrawalConfirmationEmailProps = WithdrawalConfirmationEmail.PreviewProps
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")

describe("the withdrawal block of an EU order's confirmation", () => {
  it("states the 14 days from delivery, how to withdraw, who pays, and links the withdrawal function, in text and HTML", async () => {
    const { html, text } = await renderEmail(<OrderConfirmationEmail {...confirmation} />)
    expect(html).toContain('data-block="withdrawal"')
    for (const part of [plain(text), html]) {
      expect(part).toContain("You can withdraw from this purchase within 14 days without giving any reason.")
      expect(part).toContain("The withdrawal period ends 14 days after the day you, or someone you name (other than the carrier), receive the items.")
      expect(part).toContain("or send us a clear statement that you withdraw by email to help@acme-outfitters.example.")
      expect(part).toContain("You pay the direct cost of sending the items back: €4.95.")
    }
    expect(html).toMatch(/<a [^>]*href="https:\/\/api\.acme-outfitters\.example\/hooks\/post-purchase\/withdraw\?token=preview"[^>]*>Withdraw from contract here<\/a>/)
    expect(plain(text)).toContain("Withdraw from contract here https://api.acme-outfitters.example/hooks/post-purchase/withdraw?token=preview")
  })

  it("says the shop pays for free returns, names the items under an Article 16 exception, and speaks the customer's language", async () => {
    const withdrawal = {
      ...confirmation.withdrawal!,
      costs: "shop" as const,
      fee: null,
      supportEmail: null,
      exceptions: [
        { title: "Organic Coffee Beans", exception: "perishable" as const },
        { title: "Name Necklace", exception: "personalised" as const },
      ],
    }
    const english = plain((await renderEmail(<OrderConfirmationEmail {...confirmation} withdrawal={withdrawal} />)).text)
    expect(english).toContain("We pay the direct cost of sending the items back.")
    expect(english).toContain("To withdraw, use the link below, or send us a clear statement that you withdraw.")
    expect(english).toContain(
      "The right of withdrawal does not apply to: Organic Coffee Beans (quickly perishable) and Name Necklace (made to your specifications or personalised)."
    )
    const links: [string, string][] = [
      ["nl-NL", "Hier de overeenkomst herroepen"],
      ["de-DE", "Vertrag hier widerrufen"],
      ["fr-FR", "Se rétracter du contrat ici"],
    ]
    for (const [locale, label] of links) {
      const { html } = await renderEmail(<OrderConfirmationEmail {...confirmation} withdrawal={withdrawal} i18n={translator(locale)} />)
      expect(html).toMatch(new RegExp(`data-link="withdrawal"[^>]*>${label}</a>`))
    }
    expect(plain((await renderEmail(<OrderConfirmationEmail {...confirmation} i18n={translator("nl-NL")} />)).text)).toContain(
      "Jij betaalt de rechtstreekse kosten van het terugsturen: € 4,95."
    )
  })

  it("is left out of an order outside the EU", async () => {
    const { html, text } = await renderEmail(<OrderConfirmationEmail {...confirmation} withdrawal={null} />)
    expect(html).not.toContain('data-block="withdrawal"')
    expect(text).not.toContain("Withdraw from contract here")
    expect(text).not.toContain("right of withdrawal")
  })
})

describe("the acknowledgement of a withdrawal", () => {
  it("states what was withdrawn, the date and time on the shop's clock, and what happens next", async () => {
    const { html, text } = await renderEmail(<WithdrawalConfirmationEmail {...acknowledgement} />)
    const body = plain(text)
    // 13:05 UTC is 14:05 in Amsterdam in March
    expect(body).toContain("We received your withdrawal on March 20, 2025 at 2:05 PM GMT+1.")
    expect(body).toContain("2 × Organic Cotton Tee")
    expect(body).toContain("1 × Canvas Tote Bag")
    expect(body).not.toContain("Wool Hiking Socks")
    expect(body).toContain("Stated by Anna de Vries (anna.devries@example.com).")
    expect(body).toContain("Please send the items back to us, or bring them to our shop, within 14 days of today.")
    expect(body).toContain("You pay the direct cost of sending them back: €4.95.")
    expect(html).toContain("Keizersgracht 123")
    expect(body).not.toMatch(/undefined|NaN|null|\[object Object\]/)
  })

  it("writes the time for the customer's language and the shop's time zone, and says when the shop pays", async () => {
    const dutch = plain(
      (
        await renderEmail(
          <WithdrawalConfirmationEmail
            {...acknowledgement}
            i18n={translator("nl-NL")}
            withdrawal={{ ...acknowledgement.withdrawal, timeZone: "America/New_York" }}
            nextSteps={{ ...acknowledgement.nextSteps, methods: ["mail"], costs: "shop", fee: null, returnAddress: null }}
          />
        )
      ).text
    )
    expect(dutch).toContain("We hebben je herroeping ontvangen op 20 maart 2025 om 09:05 EDT.")
    expect(dutch).toContain("Stuur de artikelen binnen 14 dagen na vandaag naar ons terug.")
    expect(dutch).toContain("Wij betalen de kosten van het terugsturen.")
    expect(dutch).not.toContain("retouradres")
  })
})
