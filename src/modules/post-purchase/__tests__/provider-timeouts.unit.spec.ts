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
        'whose "connectTimeoutMs" and "timeoutMs" let one send take up to 40 s (or lower those timeouts). Set "dispatch.leaseSeconds" to at least 80 s.'
    )
    expect(longestSendMs(options, [sendgrid({ timeoutMs: 3_000, connectTimeoutMs: 1_000 })])).toBe(4_000)
  })

  it("refuses a lease too short for a provider whose timeout it cannot know", () => {
    const options = parsePluginOptions({ dispatch: { leaseSeconds: 45 } })
    expect(() => longestSendMs(options, [{ resolve: "@acme/notification-postmark", id: "postmark", options: {} }])).toThrow(
      '45 s is too short for the provider "postmark", whose timeout the plugin cannot know, so it allows 30 s per send. Set "dispatch.leaseSeconds" to at least 60 s.'
    )
  })
})
