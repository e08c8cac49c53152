import { parsePluginOptions } from "../../modules/post-purchase/options"
import { orderConfirmationFlow } from "../order-confirmation"
import { effectiveFlowSetting } from "../settings"
import { thankYouFlow } from "../thank-you"

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
