import { returnPolicyTermsShape, type ReturnPolicyVersion } from "../return-policy"
import { returnTermsOf, type TermsOrder } from "../return-terms"
import { lastDayFrom, morningBefore, windowClosingDueAt, windowClosingSkipReason } from "../window-closing"

const zone = "Europe/Amsterdam"
const at = (iso: string) => new Date(iso)

function policy(patch: Record<string, unknown> = {}): ReturnPolicyVersion {
  return {
    id: "pprp_1",
    scope: "store",
    scope_id: null,
    version: 1,
    retired: false,
    terms: returnPolicyTermsShape.parse({
      window_days: 30,
      free_returns: true,
      return_methods: ["mail"],
      refund_methods: ["original_payment"],
      refund_days: 14,
      ...patch,
    }),
    created_by: "user_1",
    created_at: "2026-01-01T00:00:00Z",
  }
}

const FRESH = "ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9"
const tee = { id: "prod_TEE", tags: [] }
const cake = { id: "prod_CAKE", tags: [{ id: FRESH }] }

function order(country: string | null, products = [tee]): TermsOrder {
  return { id: "order_1", currency_code: "eur", country_code: country, items: products.map((product, i) => ({ id: `item_${i}`, product })) }
}

/** The order's terms as the one rule gives them, before the delivery is known. */
const termsOf = (o: TermsOrder, p: ReturnPolicyVersion | null, now = at("2026-06-01T10:00:00Z")) =>
  returnTermsOf(o, p, null, { timeZone: zone, now })

describe("when the return window closing email is due", () => {
  const options = { daysBefore: 3, timeZone: zone, now: at("2026-06-01T10:00:00Z") }

  it("the morning three days before the last day, at 09:00 in the shop's time zone", () => {
    // delivered Wednesday 10 June 2026, 14:00 CEST; 30 days → Friday 10 July; reminder Tuesday 7 July, 09:00 CEST
    expect(windowClosingDueAt(termsOf(order("nl"), policy()), at("2026-06-10T12:00:00Z"), options)).toEqual(at("2026-07-07T07:00:00Z"))
  })

  it("counts the delivery's day on the shop's calendar: a delivery late at night UTC is the next day in Amsterdam", () => {
    // 23:30 UTC on 10 June is 01:30 on 11 June in Amsterdam
    expect(windowClosingDueAt(termsOf(order("nl"), policy()), at("2026-06-10T23:30:00Z"), options)).toEqual(at("2026-07-08T07:00:00Z"))
  })

  it("stays at 09:00 on the wall clock across a daylight-saving switch", () => {
    const winter = { ...options, now: at("2026-01-01T00:00:00Z") }
    // delivered 26 February 2026; last day 28 March (CET); reminder 25 March 09:00 CET = 08:00 UTC
    expect(windowClosingDueAt(termsOf(order("nl"), policy()), at("2026-02-26T12:00:00Z"), winter)).toEqual(at("2026-03-25T08:00:00Z"))
    // delivered 3 March; last day 2 April; reminder 30 March, the day after the switch: 09:00 CEST = 07:00 UTC
    expect(windowClosingDueAt(termsOf(order("nl"), policy()), at("2026-03-03T12:00:00Z"), winter)).toEqual(at("2026-03-30T07:00:00Z"))
  })

  it("takes the order's longest window: an item the policy excludes keeps the EU's 14 days, and only counts when it is the only one", () => {
    const fresh = policy({ window_days: 30, exclusions: { tag_ids: [FRESH] } })
    expect(lastDayFrom(termsOf(order("nl", [tee, cake]), fresh), at("2026-06-10T12:00:00Z"), zone)).toBe("2026-07-10")
    expect(lastDayFrom(termsOf(order("nl", [cake]), fresh), at("2026-06-10T12:00:00Z"), zone)).toBe("2026-06-24")
  })

  it("has nothing to send without a policy, when nothing can be returned, for a window of N days or less, or once past", () => {
    const delivered = at("2026-06-10T12:00:00Z")
    expect(windowClosingDueAt(termsOf(order("nl"), null), delivered, options)).toBeNull()
    expect(windowClosingDueAt(undefined, delivered, options)).toBeNull()
    // outside the EU an excluded product has no statutory right either
    const excluded = policy({ exclusions: { tag_ids: [FRESH] } })
    expect(windowClosingDueAt(termsOf(order("us", [cake]), excluded), delivered, options)).toBeNull()
    // an Article 16 exception cannot go back, in the EU either
    const perishable = policy({ withdrawal_exceptions: [{ tag_ids: [FRESH], exception: "perishable" }] })
    expect(windowClosingDueAt(termsOf(order("nl", [cake]), perishable), delivered, options)).toBeNull()
    // 3 days outside the EU with 3 days' notice: the morning would be the delivery's own day, before it
    expect(windowClosingDueAt(termsOf(order("us"), policy({ window_days: 3 })), delivered, options)).toBeNull()
    expect(windowClosingDueAt(termsOf(order("us"), policy({ window_days: 4 })), delivered, options)).toEqual(at("2026-06-11T07:00:00Z"))
    // the morning has passed (a delivery reported late)
    expect(windowClosingDueAt(termsOf(order("nl"), policy()), delivered, { ...options, now: at("2026-07-07T07:00:01Z") })).toBeNull()
  })

  it("a wall-clock morning N days before a day, on either side of the switch back to winter time", () => {
    expect(morningBefore("2026-10-27", 3, zone)).toEqual(at("2026-10-24T07:00:00Z")) // CEST
    expect(morningBefore("2026-10-28", 3, zone)).toEqual(at("2026-10-25T08:00:00Z")) // CET, the day of the switch
    expect(morningBefore("2026-03-01", 3, "America/New_York")).toEqual(at("2026-02-26T14:00:00Z"))
  })
})

describe("at send time", () => {
  const delivered = { at: at("2026-06-10T12:00:00Z"), estimated: false }
  const now = at("2026-07-07T07:00:00Z")
  const kept = [{ id: "item_0", quantity: 1, detail: { return_requested_quantity: 0, return_received_quantity: 0 } }]
  const terms = (when: Date) => returnTermsOf(order("nl"), policy(), delivered, { timeZone: zone, now: when })

  it("goes out while the window is open and nothing came back", () => {
    expect(windowClosingSkipReason(kept, terms(now), now)).toBeNull()
  })

  it("is skipped when something is being returned or was returned, or the window has closed", () => {
    const twoItems = [...kept, { id: "item_1", quantity: 2, detail: { return_requested_quantity: 1 } }]
    expect(windowClosingSkipReason(twoItems, terms(now), now)).toBe("Something of the order was returned or is being returned")
    const received = [{ id: "item_0", quantity: 1, detail: { return_received_quantity: 1 } }]
    expect(windowClosingSkipReason(received, terms(now), now)).toBe("Something of the order was returned or is being returned")
    // the last day was Friday 10 July; from midnight in Amsterdam it is over
    const closed = at("2026-07-10T22:00:01Z")
    expect(windowClosingSkipReason(kept, terms(closed), closed)).toBe("The return window closed on 2026-07-10")
    expect(windowClosingSkipReason(kept, terms(at("2026-07-10T21:59:00Z")), at("2026-07-10T21:59:00Z"))).toBeNull()
  })
})
