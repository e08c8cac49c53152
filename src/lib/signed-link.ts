import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Signed tokens for the links in emails, whose only credential is the token:
 * `v1.<key id>.<claims>.<HMAC-SHA256>`, base64url. The key id names the
 * secret that signed it, so a shop can rotate secrets: the first key signs,
 * every listed key verifies. A token states its purpose (an unsubscribe token
 * is no review token) and when it expires.
 */

export type SigningKey = { id: string; secret: string }

export type LinkClaims = Record<string, string> & { purpose: string }

export type VerifiedLink =
  | { valid: true; claims: LinkClaims; expires_at: Date }
  | { valid: false; reason: "malformed" | "unknown key" | "bad signature" | "expired" | "wrong purpose" }

const VERSION = "v1"

export function signLink(claims: LinkClaims, expiresAt: Date, keys: SigningKey[]): string {
  const [key] = keys
  const body = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(expiresAt.getTime() / 1000) })).toString("base64url")
  const signed = `${VERSION}.${key.id}.${body}`
  return `${signed}.${mac(key.secret, signed)}`
}

export function verifyLink(token: string, purpose: string, keys: SigningKey[], now: Date = new Date()): VerifiedLink {
  const parts = token.split(".")
  if (parts.length !== 4 || parts[0] !== VERSION) {
    return { valid: false, reason: "malformed" }
  }
  const [version, keyId, body, signature] = parts
  const key = keys.find((k) => k.id === keyId)
  if (!key) {
    return { valid: false, reason: "unknown key" }
  }
  const expected = Buffer.from(mac(key.secret, `${version}.${keyId}.${body}`), "base64url")
  const given = Buffer.from(signature, "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: "bad signature" }
  }
  let claims: LinkClaims & { exp?: unknown }
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
  } catch {
    return { valid: false, reason: "malformed" }
  }
  if (typeof claims.exp !== "number") {
    return { valid: false, reason: "malformed" }
  }
  const expiresAt = new Date(claims.exp * 1000)
  if (expiresAt <= now) {
    return { valid: false, reason: "expired" }
  }
  if (claims.purpose !== purpose) {
    return { valid: false, reason: "wrong purpose" }
  }
  const { exp: _exp, ...rest } = claims
  return { valid: true, claims: rest as LinkClaims, expires_at: expiresAt }
}

/**
 * The order and buyer a token of `purpose` names (an order link: the
 * withdrawal's, the survey's), with the language it was sent in, or why it is
 * refused.
 */
export function readOrderLink(token: string, purpose: string, keys: SigningKey[], now?: Date) {
  const verified = verifyLink(token, purpose, keys, now)
  if (!verified.valid) {
    return verified
  }
  const { order_id, email, locale } = verified.claims
  return typeof order_id === "string" && typeof email === "string"
    ? { valid: true as const, order_id, email, locale: typeof locale === "string" ? locale : null, expires_at: verified.expires_at }
    : { valid: false as const, reason: "malformed" as const }
}

function mac(secret: string, data: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url")
}

/**
 * The keys the plugin signs with. Without any, development and tests get a
 * random key that lives as long as the process (links stop working after a
 * restart); anywhere else the server does not start: a default secret would
 * let anyone forge links.
 */
export function resolveSigningKeys(configured: SigningKey[], nodeEnv = process.env.NODE_ENV || "development"): {
  keys: SigningKey[]
  ephemeral: boolean
} {
  if (configured.length) {
    return { keys: configured, ephemeral: false }
  }
  if (nodeEnv === "development" || nodeEnv === "test") {
    return { keys: [{ id: "dev", secret: randomBytes(32).toString("hex") }], ephemeral: true }
  }
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `medusa-plugin-post-purchase: option "signingKeys" is required when NODE_ENV is "${nodeEnv}": the unsubscribe links in ` +
      `marketing email are signed with it. Add signingKeys: [{ id: "k1", secret: process.env.PP_SIGNING_SECRET }] with a ` +
      `secret of at least 32 characters (openssl rand -hex 32).`
  )
}
