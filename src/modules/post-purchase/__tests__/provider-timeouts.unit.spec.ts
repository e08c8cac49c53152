import { parsePluginOptions } from "../options"
import { longestSendMs } from "../provider-timeouts"

const sendgrid = (options: Record<string, unknown> = {}) => ({
  resolve: "medusa-plugin-post-purchase/providers/sendgrid",
  id: "sendgrid",
  options: { channels: ["email"], apiKey: "SG.x", from: "shop@acme.test", ...options },
})

describe("the lease against the providers' timeouts", () => {
  it("knows how long a send through each provider can take", () => {
    const options = parsePluginOptions({})
    expect(longestSendMs(options, [sendgrid()])).toBe(40_000)
    expect(longestSendMs(options, [sendgrid({ timeoutMs: 5_000, connectTimeoutMs: 2_000 })])).toBe(7_000)
    expect(longestSendMs(options, [{ resolve: "./src/providers/mailbox", options: { channels: ["email"] } }])).toBe(1_000)
    expect(longestSendMs(options, [{ resolve: "@medusajs/medusa/notification-sendgrid", options: {} }])).toBe(30_000)
  })

  it("refuses a lease shorter than two sends, naming both options", () => {
    const options = parsePluginOptions({ dispatch: { leaseSeconds: 10 } })
    expect(() => longestSendMs(options, [sendgrid()])).toThrow(
      'medusa-plugin-post-purchase: invalid option "dispatch.leaseSeconds": 10 s is too short for the SendGrid provider "sendgrid", ' +
        'whose "connectTimeoutMs" and "timeoutMs" let one send take 40 s. Set "dispatch.leaseSeconds" to at least 80 s, or lower those timeouts.'
    )
    expect(longestSendMs(options, [sendgrid({ timeoutMs: 3_000, connectTimeoutMs: 1_000 })])).toBe(4_000)
  })
})
