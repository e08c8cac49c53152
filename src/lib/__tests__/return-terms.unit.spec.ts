import { returnPolicyTermsSchema, type ReturnPolicyVersion } from "../return-policy"
import { endOfDay, lastDayOf, returnTermsOf, type TermsOrder } from "../return-terms"

const AMSTERDAM = "Europe/Amsterdam"

function version(terms: Record<string, unknown> = {}): ReturnPolicyVersion {
  return {
    id: "pprp_01",
    scope: "store",
    scope_id: null,
    version: 3,
    retired: false,
    created_by: "user:user_01",
    created_at: "2026-11-01T00:00:00Z",
    terms: returnPolicyTermsSchema.parse({
      window_days: 30,
      free_returns: false,
      return_fees: [{ currency_code: "eur", amount: 4.95 }],
      return_methods: ["mail"],
      refund_methods: ["original_payment"],
      refund_days: 14,
      exclusions: { tag_ids: ["ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"] },
      withdrawal_exceptions: [{ exception: "perishable", type_ids: ["ptyp_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"] }],
      ...terms,
    }),
  }
}

const shirt = { id: "prod_SHIRT", tags: [] }
const finalSale = { id: "prod_SALE", tags: [{ id: "ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9" }] }
const flowers = { id: "prod_FLOWERS", type_id: "ptyp_01JDZ9Q4J1K2M3N4P5Q6R7S8T9" }

function order(country: string | null, currency = "eur"): TermsOrder {
  return {
    id: "order_01",
    currency_code: currency,
    country_code: country,
    items: [
      { id: "shirt", product: shirt },
      { id: "sale", product: finalSale },
      { id: "flowers", product: flowers },
    ],
  }
}

const delivered = { at: new Date("2026-12-01T15:00:00Z"), estimated: false }
const during = { timeZone: AMSTERDAM, now: new Date("2026-12-05T12:00:00Z") }
const byId = (terms: ReturnType<typeof returnTermsOf>) => Object.fromEntries(terms.items.map((item) => [item.item_id, item]))

describe("an order's return terms", () => {
  it("counts the window from the delivery, not the order: the day of delivery is not counted", () => {
    expect(lastDayOf(new Date("2026-12-01T15:00:00Z"), 30, AMSTERDAM)).toBe("2026-12-31")
    // delivered at 23:30 UTC on 1 December is already 2 December in Amsterdam
    expect(lastDayOf(new Date("2026-12-01T23:30:00Z"), 14, AMSTERDAM)).toBe("2026-12-16")
    // across the switch to summer time
    expect(lastDayOf(new Date("2027-03-20T10:00:00Z"), 14, AMSTERDAM)).toBe("2027-04-03")
    expect(endOfDay("2027-04-03", AMSTERDAM).toISOString()).toBe("2027-04-03T21:59:59.999Z")
    expect(endOfDay("2026-12-31", AMSTERDAM).toISOString()).toBe("2026-12-31T22:59:59.999Z")
  })

  it("in the EU: the policy's window, the statutory 14 days for an excluded product, nothing for an Article 16 exception", () => {
    const terms = returnTermsOf(order("nl"), version(), delivered, during)
    const items = byId(terms)
    expect(terms.eu).toBe(true)
    expect(items.shirt).toEqual(expect.objectContaining({ returnable: true, basis: "policy", window_days: 30, last_day: "2026-12-31" }))
    expect(items.sale).toEqual(expect.objectContaining({ returnable: true, basis: "statutory", window_days: 14, last_day: "2026-12-15" }))
    expect(items.flowers).toEqual(
      expect.objectContaining({ returnable: false, reason: "withdrawal_exception", withdrawal_exception: "perishable", last_day: null })
    )
    expect(terms.last_day).toBe("2026-12-31")
    expect(terms.window_closes_at).toBe("2026-12-31T22:59:59.999Z")
    expect(terms.return_fee).toBe(4.95)
  })

  it("outside the EU an excluded product cannot be returned, and without a policy nothing can", () => {
    const items = byId(returnTermsOf(order("us", "usd"), version(), delivered, during))
    expect(items.shirt.returnable).toBe(true)
    expect(items.sale).toEqual(expect.objectContaining({ returnable: false, reason: "excluded", basis: null }))
    expect(returnTermsOf(order("us", "usd"), version(), delivered, during).return_fee).toBeNull()

    const none = returnTermsOf(order("us", "usd"), null, delivered, during)
    expect(none.items.every((item) => !item.returnable && item.reason === "no_policy")).toBe(true)
    expect(none.last_day).toBeNull()
    // an EU buyer keeps the statutory 14 days even when the shop saved no policy
    expect(byId(returnTermsOf(order("de"), null, delivered, during)).shirt).toEqual(
      expect.objectContaining({ returnable: true, basis: "statutory", window_days: 14, last_day: "2026-12-15" })
    )
  })

  it("ends each item's period at the end of its last day, in the shop's time zone", () => {
    const endOfStatutory = { timeZone: AMSTERDAM, now: new Date("2026-12-15T22:59:59.999Z") }
    expect(byId(returnTermsOf(order("nl"), version(), delivered, endOfStatutory)).sale.returnable).toBe(true)
    const after = byId(returnTermsOf(order("nl"), version(), delivered, { timeZone: AMSTERDAM, now: new Date("2026-12-15T23:00:00Z") }))
    expect(after.sale).toEqual(expect.objectContaining({ returnable: false, reason: "period_ended", last_day: "2026-12-15" }))
    expect(after.shirt.returnable).toBe(true)
  })

  it("before the delivery is known everything returnable stays so, with no last day yet", () => {
    const terms = returnTermsOf(order("nl"), version(), null, during)
    expect(byId(terms).shirt).toEqual(expect.objectContaining({ returnable: true, last_day: null }))
    expect([terms.delivered_at, terms.last_day, terms.window_closes_at]).toEqual([null, null, null])
  })

  it("free returns cost nothing, and an EU order never gets less than 14 days", () => {
    const terms = returnTermsOf(order("nl"), version({ free_returns: true, return_fees: [], window_days: 7 }), delivered, during)
    expect(terms.return_fee).toBe(0)
    expect(byId(terms).shirt).toEqual(expect.objectContaining({ window_days: 14, last_day: "2026-12-15" }))
  })
})
