import { parsePluginOptions } from "../options"

describe("plugin options", () => {
  it("fills every default when nothing is passed", () => {
    const options = parsePluginOptions(undefined)
    expect(options.channel).toBe("email")
    expect(options.brand.name).toBe("Our shop")
    expect(options.dispatch).toEqual(
      expect.objectContaining({ batchSize: 100, maxAttempts: 5, leaseSeconds: 300 })
    )
  })

  it.each([
    [{ brand: { primaryColor: "teal" } }, /"brand\.primaryColor": must be a hex colour/],
    [{ storefrontUrl: "not a url" }, /"storefrontUrl"/],
    [{ dispatch: { batchSize: 0 } }, /"dispatch\.batchSize"/],
    [{ flows: { "thank-you": { delaySeconds: -5 } } }, /"flows\.thank-you\.delaySeconds"/],
    [{ brnad: { name: "Typo" } }, /"brnad"/],
  ])("rejects %j and names the option", (input, message) => {
    expect(() => parsePluginOptions(input)).toThrow(message)
  })

  it("ignores the database settings Medusa adds to a module's options", () => {
    expect(() => parsePluginOptions({ database: { clientUrl: "postgres://x" } })).not.toThrow()
  })

  it("reads the reviews section with the reviews module's own schema: its defaults, and errors that name the option", () => {
    expect(parsePluginOptions({ reviews: { autoApprove: true } }).reviews).toEqual({ autoApprove: true, linkDays: 60 })
    expect(parsePluginOptions({}).reviews).toEqual({ autoApprove: false, linkDays: 60 })
    const formUrl = "https://shop.example/review?token={token}&rating={rating}"
    expect(parsePluginOptions({ reviews: { formUrl } }).reviews.formUrl).toBe(formUrl)
    expect(() => parsePluginOptions({ reveiws: { autoApprove: true } })).toThrow('invalid option "reveiws"')
    expect(() => parsePluginOptions({ reviews: { autoApprove: "yes" } })).toThrow('"reviews.autoApprove"')
    expect(() => parsePluginOptions({ reviews: { formUrl: "https://shop.example/review?token={token}" } })).toThrow(
      '"reviews.formUrl": must contain {token} and {rating}'
    )
    expect(() => parsePluginOptions({ reviews: { formUrl: "javascript:alert(1)//{token}{rating}" } })).toThrow('"reviews.formUrl"')
    expect(() => parsePluginOptions({ reviews: { linkDays: 2 } })).toThrow('"reviews.linkDays"')
  })
})
