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

  it("leaves the reviews section to the reviews module, which gets the same options", () => {
    expect(() => parsePluginOptions({ reviews: { autoApprove: true } })).not.toThrow()
    expect(() => parsePluginOptions({ reveiws: { autoApprove: true } })).toThrow('invalid option "reveiws"')
  })
})
