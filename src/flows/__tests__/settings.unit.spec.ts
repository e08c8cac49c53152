import { parsePluginOptions } from "../../modules/post-purchase/options"
import { orderConfirmationFlow } from "../order-confirmation"
import { effectiveFlowSetting } from "../settings"
import { thankYouFlow } from "../thank-you"
import { anchorOf, delayAfterAnchor, findFlow, flowIsOn, flowsAnchoredOn, type FlowDefinition } from ".."

describe("what a flow's delay counts from", () => {
  it("an admin's choice wins over the options, which win over the declaration", () => {
    const options = parsePluginOptions({ flows: { "thank-you": { anchor: "shipped" } } })
    expect(effectiveFlowSetting(thankYouFlow, parsePluginOptions({}), [])).toEqual(
      expect.objectContaining({ anchor: "placed", default_anchor: "placed" })
    )
    expect(effectiveFlowSetting(thankYouFlow, options, [])).toEqual(expect.objectContaining({ anchor: "shipped", default_anchor: "shipped" }))
    const saved = [{ flow: "thank-you", enabled: true, delay_seconds: 3600, anchor: "delivered" }]
    expect(effectiveFlowSetting(thankYouFlow, options, saved)).toEqual(
      expect.objectContaining({ anchor: "delivered", default_anchor: "shipped", delay_seconds: 3600 })
    )
  })

  it("a transactional flow keeps its own, whatever options or saved settings say", () => {
    const options = parsePluginOptions({ flows: { "order-confirmation": { anchor: "delivered" } } })
    const saved = [{ flow: "order-confirmation", enabled: true, delay_seconds: 0, anchor: "delivered" }]
    expect(effectiveFlowSetting(orderConfirmationFlow, options, saved)).toEqual(
      expect.objectContaining({ anchor: "placed", default_anchor: "placed" })
    )
  })

  it("a home country in the options must be a two-letter code", () => {
    expect(parsePluginOptions({ delivery: { homeCountry: "NL" } }).delivery.homeCountry).toBe("nl")
    expect(() => parsePluginOptions({ delivery: { homeCountry: "Netherlands" } })).toThrow(
      'invalid option "delivery.homeCountry": must be a two-letter country code like nl'
    )
  })
})

describe("a reminder of another flow (review-reminder follows review-request)", () => {
  const reminder = findFlow("review-reminder")!
  const settingsWith = (saved: { flow: string; enabled: boolean; delay_seconds: number; anchor: string | null }[]) => {
    const options = parsePluginOptions({})
    return (flow: FlowDefinition) => effectiveFlowSetting(flow, options, saved)
  }
  const DAY = 86400

  it("is due its own delay after the request is due, on the request's anchor", () => {
    const defaults = settingsWith([])
    expect(delayAfterAnchor(reminder, defaults)).toBe(12 * DAY)
    expect(flowsAnchoredOn("delivered", defaults).map((flow) => flow.key)).toEqual(
      expect.arrayContaining(["review-request", "review-reminder"])
    )

    // the shop asks later, and from the shipment: the reminder moves with the request
    const later = settingsWith([{ flow: "review-request", enabled: true, delay_seconds: 20 * DAY, anchor: "shipped" }])
    expect(delayAfterAnchor(reminder, later)).toBe(25 * DAY)
    expect(anchorOf(reminder, later)).toBe("shipped")
    expect(flowsAnchoredOn("shipped", later).map((flow) => flow.key)).toContain("review-reminder")
    expect(flowsAnchoredOn("delivered", later).map((flow) => flow.key)).not.toContain("review-reminder")
  })

  it("goes out only while the request is on, whatever its own switch says", () => {
    const requestOff = settingsWith([{ flow: "review-request", enabled: false, delay_seconds: 7 * DAY, anchor: null }])
    expect(requestOff(reminder).enabled).toBe(true)
    expect(flowIsOn(reminder, requestOff)).toBe(false)
    expect(flowsAnchoredOn("delivered", requestOff).map((flow) => flow.key)).not.toContain("review-reminder")
    // its own anchor can't be changed: it is the request's
    const savedAnchor = settingsWith([{ flow: "review-reminder", enabled: true, delay_seconds: DAY, anchor: "placed" }])
    expect(anchorOf(reminder, savedAnchor)).toBe("delivered")
  })
})
