import { earliestSend, endOfQuietHours, frequencyCapWait, heldTooLong } from "../send-window"
import { returnStatus } from "../returns"
import { deliveryWait } from "../delivery-estimate"
import { parsePluginOptions } from "../../modules/post-purchase/options"

const quiet = { enabled: true, start: "21:00", end: "08:00", timeZone: "Europe/Amsterdam" }
const at = (iso: string) => new Date(iso)

describe("quiet hours", () => {
  it("moves a send due at night to 08:00 local time, across the switch to summer time", () => {
    // Saturday 27 March 2027, 23:30 CET (UTC+1); the clocks go forward that night
    expect(endOfQuietHours(at("2027-03-27T22:30:00Z"), quiet)).toEqual(at("2027-03-28T06:00:00Z")) // 08:00 CEST
    // after midnight, the same morning
    expect(endOfQuietHours(at("2027-03-28T01:30:00Z"), quiet)).toEqual(at("2027-03-28T06:00:00Z"))
  })

  it("moves a send due at night to 08:00 local time, across the switch back to winter time", () => {
    // Saturday 30 October 2027, 23:30 CEST (UTC+2); the clocks go back that night
    expect(endOfQuietHours(at("2027-10-30T21:30:00Z"), quiet)).toEqual(at("2027-10-31T07:00:00Z")) // 08:00 CET
  })

  it("leaves a send during the day alone, and knows 21:00 has begun", () => {
    expect(endOfQuietHours(at("2027-06-01T12:00:00Z"), quiet)).toBeNull()
    expect(endOfQuietHours(at("2027-06-01T18:59:00Z"), quiet)).toBeNull() // 20:59 CEST
    expect(endOfQuietHours(at("2027-06-01T19:00:00Z"), quiet)).toEqual(at("2027-06-02T06:00:00Z"))
  })

  it("reads quiet hours that do not cross midnight, other zones, and switched off", () => {
    const lunch = { ...quiet, start: "12:00", end: "13:30", timeZone: "America/New_York" }
    expect(endOfQuietHours(at("2027-01-15T17:10:00Z"), lunch)).toEqual(at("2027-01-15T18:30:00Z")) // 12:10 EST → 13:30 EST
    expect(endOfQuietHours(at("2027-01-15T19:00:00Z"), lunch)).toBeNull()
    expect(endOfQuietHours(at("2027-03-27T22:30:00Z"), { ...quiet, enabled: false })).toBeNull()
  })
})

describe("when a marketing email may go out", () => {
  const cap = { enabled: true, windowHours: 24, maxDeferralDays: 7 }

  it("waits a window after the last marketing email, then past the quiet hours, saying why", () => {
    const now = at("2027-06-01T10:00:00Z")
    const wait = frequencyCapWait(at("2027-06-01T20:00:00Z"), cap)! // 22:00 CEST
    const held = earliestSend(now, [wait], quiet)!
    expect(held.until).toEqual(at("2027-06-03T06:00:00Z")) // the window ends 22:00 on the 2nd, quiet until 08:00
    expect(held.capped).toBe(true)
    expect(held.reason).toMatch(/at most one marketing email per 24 h/)
    expect(held.reason).toMatch(/quiet hours 21:00–08:00 \(Europe\/Amsterdam\)/)
    expect(held.reason).toMatch(/^Held until 3 Jun 2027, 08:00 Europe\/Amsterdam/)
  })

  it("sends now when nothing holds it", () => {
    expect(earliestSend(at("2027-06-01T10:00:00Z"), [], quiet)).toBeNull()
    expect(earliestSend(at("2027-06-03T10:00:00Z"), [frequencyCapWait(at("2027-06-01T10:00:00Z"), cap)!], quiet)).toBeNull()
    expect(frequencyCapWait(at("2027-06-01T10:00:00Z"), { ...cap, enabled: false })).toBeNull()
  })

  it("gives up on a follow-up held back for more than the cap", () => {
    expect(heldTooLong(at("2027-06-01T10:00:00Z"), at("2027-06-08T10:00:00Z"), cap)).toBe(false)
    expect(heldTooLong(at("2027-06-01T10:00:00Z"), at("2027-06-08T10:01:00Z"), cap)).toBe(true)
  })
})

describe("how much of an order is coming back", () => {
  const item = (quantity: number, requested = 0, received = 0, dismissed = 0) => ({
    id: `item_${quantity}${requested}${received}`,
    quantity,
    detail: { return_requested_quantity: requested, return_received_quantity: received, return_dismissed_quantity: dismissed },
  })
  it("tells none, partial, returning and returned apart", () => {
    expect(returnStatus([item(2), item(1)])).toBe("none")
    expect(returnStatus([item(2, 0, 1), item(1)])).toBe("partial")
    expect(returnStatus([item(2, 2), item(1, 0, 1)])).toBe("returning")
    expect(returnStatus([item(2, 0, 1, 1), item(1, 0, 1)])).toBe("returned")
    expect(returnStatus([])).toBe("none")
  })
})

describe("a flow that must not arrive before the parcel", () => {
  const options = parsePluginOptions({ delivery: { homeCountry: "nl" } })
  const now = at("2027-06-01T10:00:00Z")
  const item = (fulfilled: number) => ({ quantity: 2, raw_quantity: { value: "2" }, detail: { fulfilled_quantity: fulfilled, raw_fulfilled_quantity: { value: String(fulfilled) } } })
  const parcel = (dates: Record<string, string | null>) => ({ requires_shipping: true, created_at: "2027-05-30T09:00:00Z", ...dates })
  const order = (items: unknown[], fulfillments: unknown[], country = "nl") => ({ items, fulfillments, shipping_address: { country_code: country } })
  const container = {} // the home country is an option, so nothing is looked up

  it("waits until the last part shipped plus the transit time, at home and abroad", async () => {
    const shipped = order([item(2)], [parcel({ shipped_at: "2027-05-31T12:00:00Z" })])
    expect(await deliveryWait(container, shipped, options, now)).toEqual({
      until: at("2027-06-02T12:00:00Z"),
      reason: "waits for the delivery, estimated at 2027-06-02T12:00:00.000Z",
    })
    const abroad = order([item(2)], [parcel({ shipped_at: "2027-05-31T12:00:00Z" })], "de")
    expect((await deliveryWait(container, abroad, options, now))!.until).toEqual(at("2027-06-05T12:00:00Z"))
  })

  it("goes once the delivery is reported, and looks again later while the order has not shipped in full", async () => {
    const delivered = order([item(2)], [parcel({ shipped_at: "2027-05-31T12:00:00Z", delivered_at: "2027-06-01T08:00:00Z" })])
    expect(await deliveryWait(container, delivered, options, now)).toBeNull()
    const halfFulfilled = order([item(1)], [parcel({ shipped_at: "2027-05-31T12:00:00Z" })])
    expect(await deliveryWait(container, halfFulfilled, options, now)).toEqual({
      until: at("2027-06-01T16:00:00Z"),
      reason: "waits for the delivery; the order has not shipped in full",
    })
    const packedOnly = order([item(2)], [parcel({ packed_at: "2027-05-31T12:00:00Z" })])
    expect((await deliveryWait(container, packedOnly, options, now))!.until).toEqual(at("2027-06-01T16:00:00Z"))
  })

  it("counts a fulfillment that never ships from when it was made", async () => {
    const download = order([item(2)], [{ requires_shipping: false, created_at: "2027-05-31T08:00:00Z", shipped_at: null }])
    expect((await deliveryWait(container, download, options, now))!.until).toEqual(at("2027-06-02T08:00:00Z"))
  })
})
