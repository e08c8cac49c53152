import { resolveSigningKeys, signLink, verifyLink } from "../signed-link"

const current = { id: "2026-11", secret: "a-secret-of-at-least-thirty-two-characters" }
const previous = { id: "2026-05", secret: "the-previous-secret-also-thirty-two-chars" }
const now = new Date("2026-11-26T12:00:00Z")
const later = new Date("2027-02-24T12:00:00Z")

describe("signed links", () => {
  it("verifies its own token and reads its claims back", () => {
    const token = signLink({ purpose: "unsubscribe", email: "anna@example.com", flow: "thank-you" }, later, [current])
    expect(token).toMatch(/^v1\.2026-11\.[\w-]+\.[\w-]+$/)
    expect(verifyLink(token, "unsubscribe", [current], now)).toEqual({
      valid: true,
      claims: { purpose: "unsubscribe", email: "anna@example.com", flow: "thank-you" },
      expires_at: later,
    })
  })

  it("keeps verifying tokens signed with an older key after a rotation, by the key id", () => {
    const old = signLink({ purpose: "unsubscribe", email: "anna@example.com", flow: "thank-you" }, later, [previous])
    expect(verifyLink(old, "unsubscribe", [current, previous], now).valid).toBe(true)
    expect(verifyLink(old, "unsubscribe", [current], now)).toEqual({ valid: false, reason: "unknown key" })
  })

  it("refuses tampered, foreign, expired, wrong-purpose and malformed tokens", () => {
    const token = signLink({ purpose: "unsubscribe", email: "anna@example.com", flow: "thank-you" }, later, [current])
    const [v, kid, body, sig] = token.split(".")
    const forgedBody = Buffer.from(JSON.stringify({ purpose: "unsubscribe", email: "eve@example.com", flow: "thank-you", exp: 1900000000 })).toString("base64url")
    expect(verifyLink(`${v}.${kid}.${forgedBody}.${sig}`, "unsubscribe", [current], now).valid).toBe(false)
    expect(verifyLink(`${v}.${kid}.${body}.${sig.slice(1)}`, "unsubscribe", [current], now)).toEqual({ valid: false, reason: "bad signature" })
    const foreign = signLink({ purpose: "unsubscribe", email: "anna@example.com", flow: "thank-you" }, later, [
      { id: current.id, secret: "another-shop-uses-the-same-key-id-here" },
    ])
    expect(verifyLink(foreign, "unsubscribe", [current], now)).toEqual({ valid: false, reason: "bad signature" })
    expect(verifyLink(token, "unsubscribe", [current], new Date(later.getTime() + 1000))).toEqual({ valid: false, reason: "expired" })
    expect(verifyLink(token, "review", [current], now)).toEqual({ valid: false, reason: "wrong purpose" })
    for (const malformed of ["", "v1", "v2.2026-11.a.b", "v1.2026-11.!!.??"]) {
      expect(verifyLink(malformed, "unsubscribe", [current], now).valid).toBe(false)
    }
  })

  it("has no default secret: only development and tests get a random key for the process", () => {
    expect(() => resolveSigningKeys([], "production")).toThrow('option "signingKeys" is required when NODE_ENV is "production"')
    const dev = resolveSigningKeys([], "development")
    expect(dev.ephemeral).toBe(true)
    expect(dev.keys[0].secret).toMatch(/^[0-9a-f]{64}$/)
    expect(resolveSigningKeys([], "test").keys[0].secret).not.toBe(dev.keys[0].secret)
    expect(resolveSigningKeys([current], "production")).toEqual({ keys: [current], ephemeral: false })
  })
})
