import { FLOWS, renderFlowEmail } from "../../flows"
import { loyaltyRewardCodeFlow } from "../../flows/loyalty-reward-code"
import { loyaltyTierChangedFlow } from "../../flows/loyalty-tier-changed"
import { translator } from "../../i18n"
import { parsePluginOptions } from "../../modules/post-purchase/options"
import { LoyaltyPointsEarnedEmail } from "../loyalty-points-earned"
import { LoyaltyReferralSuccessEmail } from "../loyalty-referral-success"
import { LoyaltyRewardCodeEmail } from "../loyalty-reward-code"
import { LoyaltyTierChangedEmail } from "../loyalty-tier-changed"
import { renderEmail } from "../render"
import { sampleBrand } from "../sample-data"

const options = parsePluginOptions({ brand: sampleBrand, storefrontUrl: "https://shop.example" })
const member = { id: "cus_1", email: "anna@example.com", first_name: "Anna", last_name: "de Vries" }
/** Intl puts no-break spaces in amounts ("€ 5,00"); the assertions read them as spaces. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ")
const LOYALTY_FLOWS = FLOWS.filter((flow) => flow.key.startsWith("loyalty-"))

describe("loyalty emails", () => {
  it("are five transactional flows scheduled by the loyalty events; all but the points-earned email are about the account", () => {
    expect(LOYALTY_FLOWS.map((flow) => [flow.key, flow.category, flow.about, flow.trigger])).toEqual([
      ["loyalty-points-earned", "transactional", "order", "loyalty"],
      ["loyalty-reward-code", "transactional", "account", "loyalty"],
      ["loyalty-points-expiring", "transactional", "account", "loyalty"],
      ["loyalty-tier-changed", "transactional", "account", "loyalty"],
      ["loyalty-referral-success", "transactional", "account", "loyalty"],
    ])
  })

  it("the points-earned email names the order's points, the balance and what it buys or how far the next reward is", async () => {
    const props = LoyaltyPointsEarnedEmail.PreviewProps
    const toNext = await renderEmail(<LoyaltyPointsEarnedEmail {...props} />)
    expect(toNext.text).toContain("84 points from order #1001")
    expect(toNext.text).toContain("You now have 420 points to spend. 80 more points and you can have €5 off.")
    const reached = await renderEmail(<LoyaltyPointsEarnedEmail {...props} prospect={{ reward: "€5 off", missing: 0 }} />)
    expect(reached.text).toContain("That’s enough for €5 off.")
    expect(toNext.html).toContain('href="https://acme-outfitters.example/account/loyalty"')
  })

  it("the reward-code email shows the exact code large, what it gives, until when and that it is single use, in the member's language", async () => {
    const i18n = translator("nl-NL")
    const props = loyaltyRewardCodeFlow.buildProps({
      customer: member,
      options,
      brand: sampleBrand,
      i18n,
      followup: {
        locale: "nl-NL",
        metadata: { entry_id: "pple_1", code: "LOYAL-AB2C-D3EF", reward: "€5 korting", discount: { kind: "fixed", value: 5, currency_code: "eur" }, expires_at: "2026-06-30T12:00:00.000Z" },
      },
    })
    const { subject, html, text } = await renderFlowEmail(loyaltyRewardCodeFlow, props, {})
    expect(subject).toBe("Je kortingscode van Acme Outfitters")
    expect(html).toContain('data-code="LOYAL-AB2C-D3EF"')
    expect(text).toContain("Hier is je beloning, Anna!")
    expect(spaced(text)).toContain("€5 korting: € 5,00 korting op je bestelling Geldig tot en met 30 juni 2026.")
    expect(text).toContain("Eenmalig te gebruiken, alleen met jouw account.")
    expect(html).not.toMatch(/unsubscribe|afmelden/i)
  })

  it("a move down is a kind note with what brings the member back, by points or by spend", async () => {
    const down = await renderEmail(
      <LoyaltyTierChangedEmail {...LoyaltyTierChangedEmail.PreviewProps} direction="down" tier="Silver" comeback={{ tier: "Gold", basis: "points", threshold: 2000 }} />
    )
    expect(down.text).toContain("You’re now a Silver member.")
    expect(down.text).toContain("Earn 2,000 points within 12 months to be back at Gold.")
    expect(down.text).toContain("Nothing you saved is lost")
    expect(down.text).not.toContain("Welcome to")

    const props = loyaltyTierChangedFlow.buildProps({
      customer: member,
      options,
      brand: sampleBrand,
      i18n: translator("de-DE"),
      followup: { locale: "de-DE", metadata: { direction: "down", tier: null, multiplier: 1, comeback: { tier: "Gold", basis: "spend", threshold: 500, currency_code: "eur" } } },
    })
    const { text } = await renderFlowEmail(loyaltyTierChangedFlow, props, {})
    expect(text).toContain("Deine Mitgliedsstufe ist vorerst abgelaufen.")
    expect(spaced(text)).toContain("Kaufe innerhalb von 12 Monaten für 500,00 € ein, dann bist du wieder Gold.")
  })

  it("the referral email says nothing of the friend, only the member's points", async () => {
    const { text } = await renderEmail(<LoyaltyReferralSuccessEmail {...LoyaltyReferralSuccessEmail.PreviewProps} i18n={translator("fr-FR")} />)
    expect(text).toContain("200 points vous attendent : ils seront à vous une fois son délai de retour écoulé.")
  })

  it("every loyalty email renders in every language with no value left out", async () => {
    for (const flow of LOYALTY_FLOWS) {
      for (const locale of ["en", "nl-NL", "de-DE", "fr-FR"]) {
        const { subject, text } = await renderFlowEmail(flow, flow.previewProps(sampleBrand, options, translator(locale)), {})
        expect({ flow: flow.key, locale, subject }).toEqual({ flow: flow.key, locale, subject: expect.not.stringMatching(/[{}]|undefined/) })
        expect(text).not.toMatch(/undefined|NaN|\{\w+\}/)
      }
    }
  })

  it("an account email's name and shop in the admin's copy come from the member, its order variables are empty", async () => {
    const props = loyaltyRewardCodeFlow.previewProps(sampleBrand, options, translator("en"))
    const { subject } = await renderFlowEmail(loyaltyRewardCodeFlow, props, { subject: "{{first_name}}, your code from {{shop_name}}{{order_number}}" })
    expect(subject).toBe("Anna, your code from Acme Outfitters")
  })
})
