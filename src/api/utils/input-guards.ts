import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { zodValidator } from "@medusajs/framework"
import { z } from "@medusajs/framework/zod"

/**
 * The checks every plugin route shares, so malformed input is a 400 that
 * names the field before it can reach the database (a NUL byte in an id
 * once made Postgres answer 500).
 */

/** Medusa's ids: a lowercase prefix, an underscore and a ULID, e.g. `ppfu_01JDZ9Q4J1K2M3N4P5Q6R7S8T9`. */
const MEDUSA_ID = /^[a-z][a-z0-9]{0,15}_[0-9A-HJKMNP-TV-Z]{26}$/

/** Flow keys are kebab-case, e.g. `order-confirmation`. */
const FLOW_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** C0 and C1 control characters and DEL, except tab, newline and carriage return, which free text may hold. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export const medusaId = (field: string) =>
  z.string().regex(MEDUSA_ID, `${field} must be an id like ppfu_01JDZ9Q4J1K2M3N4P5Q6R7S8T9 (a prefix, "_" and 26 letters and digits)`)

/**
 * Free text of `min` to `max` characters once trimmed. Checked in a refinement,
 * so the 400 carries this message (Medusa words a length check itself).
 */
export const textBetween = (field: string, min: number, max: number, what: string) =>
  z
    .string({ message: `${field} is required: it ${what}` })
    .trim()
    .refine((text) => text.length >= min, `${field} ${what} (at least ${min} characters)`)
    .refine((text) => text.length <= max, `${field} can be at most ${max} characters`)

/** An ISO 8601 date and time with its offset, not in the future (a minute of clock skew allowed). */
export const pastDateTime = (field: string) =>
  z.string().superRefine((value, context) => {
    if (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      context.addIssue({ code: "custom", message: `${field} must be a date and time like 2026-11-26T09:00:00Z` })
    } else if (Date.parse(value) > Date.now() + 60_000) {
      context.addIssue({ code: "custom", message: `${field} cannot be in the future` })
    }
  })

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export const flowKey = (field: string) =>
  z.string().max(64, `${field} is too long`).regex(FLOW_KEY, `${field} must be a flow key like order-confirmation`)

/**
 * Refuses control characters anywhere in the path, the query or the body,
 * naming where: `"order_id" contains a control character (U+0000)`.
 */
export function refuseControlCharacters(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const found =
    findControlCharacter(pathSegments(req.path), "the path") ??
    findControlCharacter(req.query, "") ??
    findControlCharacter(req.body, "")
  if (found) {
    const code = found.character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: ${found.field === "the path" ? "the path" : `"${found.field}"`} contains a control character (U+${code}); only tab, newline and carriage return are allowed in text`
      )
    )
  }
  next()
}

/** Validates the route's `:params` like Medusa validates bodies and queries: a 400 naming the param. */
export function validateParams(schema: z.ZodObject<any>) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      // only the named params: a matcher's wildcard adds its own ("0")
      const named = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, req.params[key]]))
      Object.assign(req.params, await zodValidator(schema, named))
      next()
    } catch (e) {
      next(e)
    }
  }
}

function pathSegments(path: string): string[] {
  return path.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment)
    } catch {
      return segment
    }
  })
}

function findControlCharacter(value: unknown, field: string): { field: string; character: string } | null {
  if (typeof value === "string") {
    const match = value.match(CONTROL_CHARACTER)
    return match ? { field: field || "(value)", character: match[0] } : null
  }
  if (!value || typeof value !== "object") {
    return null
  }
  for (const [key, child] of Object.entries(value)) {
    const path = Array.isArray(value) ? `${field}[${key}]` : field ? `${field}.${key}` : key
    const inKey = Array.isArray(value) ? null : findControlCharacter(key, path)
    const found = inKey ?? findControlCharacter(child, field === "the path" ? field : path)
    if (found) {
      return found
    }
  }
  return null
}

/** A guest's consent is bound to their cart; without one, only a signed-in customer can record consent. */
export function requireCartForGuests(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const signedIn = !!(req as MedusaRequest & { auth_context?: { actor_id?: string } }).auth_context?.actor_id
  if (!signedIn && !(req as MedusaRequest<{ cart_id?: string }>).validatedBody?.cart_id) {
    return next(
      new MedusaError(MedusaError.Types.INVALID_DATA, "cart_id is required for a guest: consent at checkout is bound to the cart (or sign in)")
    )
  }
  next()
}

/**
 * `offset` and `limit` of a paginated list, with the messages every list of
 * the plugin gives. Refinements, so the 400 carries these messages (Medusa
 * words min and max itself).
 */
export const pageParams = ({ max, defaultLimit }: { max: number; defaultLimit: number }) => ({
  offset: z.coerce
    .number({ message: "offset must be a whole number" })
    .int("offset must be a whole number")
    .refine((offset) => offset >= 0, "offset cannot be negative")
    .default(0),
  limit: z.coerce
    .number({ message: `limit must be a whole number from 1 to ${max}` })
    .int(`limit must be a whole number from 1 to ${max}`)
    .refine((limit) => limit >= 1 && limit <= max, `limit must be a whole number from 1 to ${max}`)
    .default(defaultLimit),
})
