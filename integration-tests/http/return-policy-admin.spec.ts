import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { SeededStore } from "../../scripts/fixtures/store"
import { freshTestStore, testAppEnv } from "../helpers/followups"

jest.setTimeout(120_000)

const mailbox = testAppEnv()

const POLICY = "/admin/post-purchase/return-policy"

/** What the drawer sends while the admin edits: the terms' fields, flat, next to the scope and the preview's language. */
const DRAFT = {
  window_days: 45,
  free_returns: false,
  return_fees: [{ currency_code: "eur", amount: 4.95 }],
  return_methods: ["mail"],
  refund_methods: ["original_payment", "store_credit"],
  refund_days: 14,
  conditions: ["Unused, with the labels still on"],
  exclusions: { tag_ids: [], type_ids: [], collection_ids: [] },
  withdrawal_exceptions: [],
  details_markdown: null,
  policy_url: "https://shop.example/returns",
}

/** The rendered block's text: tags dropped, Intl's no-break spaces made plain. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\u00a0|&nbsp;/g, " ").replace(/\s+/g, " ")

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, api }) => {
    let store: SeededStore
    let admin: { headers: Record<string, string> }

    beforeEach(async () => ({ store, admin } = await freshTestStore(getContainer(), { mailbox })))

    const refused = (promise: Promise<unknown>) => promise.then(() => ({ status: 200, data: {} as any }), (e) => e.response)

    it("the preview shows the draft's returns block as the email writes it, in the language asked for, and saves nothing", async () => {
      const dutch = await api.post(`${POLICY}/preview`, { ...DRAFT, locale: "nl-NL" }, admin)
      expect(dutch.status).toBe(200)
      expect(dutch.data).toEqual(expect.objectContaining({ locale: "nl-NL", currency_code: "eur" }))
      const nl = textOf(dutch.data.html)
      expect(dutch.data.html).toContain('data-block="returns-policy"')
      expect(dutch.data.html).toMatch(/<html[^>]* lang="nl-NL"/)
      expect(nl).toContain("Je kunt artikelen binnen 45 dagen na levering retourneren.")
      expect(nl).toContain("Retourzenden kost € 4,95.")
      expect(nl).toContain("Stuur ze per post terug.")
      expect(nl).toContain("Unused, with the labels still on")
      expect(dutch.data.html).toContain('href="https://shop.example/returns"')

      // the next keystrokes: another window, free returns, in English, for the region's override
      const english = await api.post(
        `${POLICY}/preview`,
        { ...DRAFT, window_days: 30, free_returns: true, return_fees: [], scope: "region", scope_id: store.region_id, locale: "en" },
        admin
      )
      const en = textOf(english.data.html)
      expect(en).toContain("You can return items within 30 days of delivery.")
      expect(en).toContain("Returns are free.")
      expect(en).not.toContain("45 days")
      expect(en).not.toContain("4.95")

      const german = textOf((await api.post(`${POLICY}/preview`, { ...DRAFT, locale: "de-DE" }, admin)).data.html)
      expect(german).toContain("Du kannst Artikel innerhalb von 45 Tagen nach der Lieferung zurücksenden.")
      expect(german).toContain("Die Rücksendung kostet 4,95 €.")

      // a preview is not a save
      expect((await api.get(POLICY, admin)).data.policies).toEqual([])
      expect((await api.get(`${POLICY}/versions`, admin)).data.versions).toEqual([])
    })

    it("a draft a save would refuse is a 400 that names the field, not a 500", async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ policy_url: "http://shop.example/returns" }, /policy_url must be an https URL/],
        [{ window_days: 400 }, /window_days/],
        [{ window_days: "" }, /window_days/],
        [{ return_fees: [] }, /return_fees needs a fee per currency when returns are not free/],
        [{ return_fees: [{ currency_code: "eur", amount: -1 }] }, /return_fees.*amount/],
        // Medusa words a too-short value itself, naming the field and the line
        [{ conditions: ["Unused", "  "] }, /field 'conditions, 1' too small/],
        [{ return_methods: [] }, /field 'return_methods' too small/],
        [{ scope: "region" }, /scope_id must be the region's id/],
        [{ locale: "xx" }, /locale must be a BCP 47 locale/],
      ]
      for (const [patch, message] of cases) {
        const response = await refused(api.post(`${POLICY}/preview`, { ...DRAFT, ...patch }, admin))
        expect({ patch, status: response.status }).toEqual({ patch, status: 400 })
        expect(response.data.message).toMatch(message)
      }
      // an override for a region the shop does not have
      const unknown = await refused(
        api.post(`${POLICY}/preview`, { ...DRAFT, scope: "region", scope_id: "reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9" }, admin)
      )
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/^scope_id: no region reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9/)
    })
  },
})
