import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { canonicalLocale, languageOf, LANGUAGES } from "../../i18n"
import { DEFAULTS } from "../../lib/defaults"
import { reviewsOptionsSchema } from "../reviews/options"

const hexColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #1f2937")

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time like 21:00")

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone })
    return true
  } catch {
    return false
  }
}, "must be an IANA time zone like Europe/Amsterdam")

const writtenLocale = z
  .string()
  .refine((tag) => !!languageOf(canonicalLocale(tag)), `must be a BCP 47 locale in a language the plugin writes (${LANGUAGES.join(", ")}), like nl-NL`)
  .transform((tag) => canonicalLocale(tag)!)

const link = z.object({ label: z.string().min(1), url: z.url() }).strict()

const brandSchema = z
  .object({
    /** Shown in the header, the footer and the subject lines. */
    name: z.string().min(1).default("Our shop"),
    logoUrl: z.url().optional(),
    primaryColor: hexColour.default("#111827"),
    supportEmail: z.email().optional(),
    supportUrl: z.url().optional(),
    /** Postal address printed in the footer (required for marketing mail in many countries). */
    address: z.string().optional(),
    newsletterUrl: z.url().optional(),
    social: z.array(link).default([]),
  })
  .strict()

const flowOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    delaySeconds: z.number().int().min(0).max(DEFAULTS.maxDelaySeconds).optional(),
    /** What a marketing flow's delay counts from; transactional flows keep their own. */
    anchor: z.enum(["placed", "shipped", "delivered"]).optional(),
  })
  .strict()

export const pluginOptionsSchema = z
  .object({
    brand: brandSchema.prefault({}),
    /**
     * The public URL of this Medusa server. Links in emails that the plugin answers itself
     * (unsubscribe) point there, so it must be https in production.
     */
    backendUrl: z.url().default("http://localhost:9000"),
    /**
     * Keys that sign the links in emails (HMAC-SHA256): the first signs, all verify, so a key can
     * be rotated by putting a new one first. Required outside development; there is no default.
     */
    signingKeys: z
      .array(
        z
          .object({
            id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "must be 1-32 letters, digits, - or _"),
            secret: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)"),
          })
          .strict()
      )
      .default([]),
    /** Who may get marketing email: see the README's "Consent" section. */
    consent: z
      .object({
        /** `opt-in`: only recipients with a consent record; `soft-opt-in`: existing customers until they object. */
        mode: z.enum(["opt-in", "soft-opt-in"]).default("opt-in"),
        /** How long an unsubscribe link keeps working. */
        unsubscribeLinkDays: z.number().int().min(60).max(730).default(DEFAULTS.unsubscribeLinkDays),
      })
      .strict()
      .prefault({}),
    /** Base URL of the storefront; links in emails point there. */
    storefrontUrl: z.url().default("http://localhost:8000"),
    /** Notification Module channel to send on; use your own when the app already has an email provider. */
    channel: z.string().min(1).default(DEFAULTS.channel),
    /** Sender address handed to the provider; the provider's own `from` when unset. */
    from: z.string().min(3).optional(),
    dispatch: z
      .object({
        batchSize: z.number().int().min(1).max(1000).default(DEFAULTS.batchSize),
        concurrency: z.number().int().min(1).max(200).default(DEFAULTS.concurrency),
        maxAttempts: z.number().int().min(1).max(25).default(DEFAULTS.maxAttempts),
        backoffSeconds: z.number().int().min(1).default(DEFAULTS.backoffSeconds),
        maxBackoffSeconds: z.number().int().min(1).default(DEFAULTS.maxBackoffSeconds),
        leaseSeconds: z.number().int().min(10).default(DEFAULTS.leaseSeconds),
        /** How long 401s and 403s (a rotated key, an unverified sender) are retried before the follow-ups fail. */
        configErrorRetryHours: z.number().min(1).max(168).default(DEFAULTS.configErrorRetryHours),
      })
      .strict()
      .prefault({}),
    /** The pass that schedules orders whose order event was missed (a failed subscriber, a restart). */
    reconcile: z
      .object({
        /** How far back it looks for orders without follow-ups. */
        lookbackHours: z.number().min(1).max(720).default(DEFAULTS.reconcileLookbackHours),
        /** Orders younger than this are left to their event's subscriber. */
        graceMinutes: z.number().min(1).max(24 * 60).default(DEFAULTS.reconcileGraceMinutes),
        /**
         * Also orders not placed through a cart: converted drafts, but also orders an import or
         * integration created, which never had an order.placed to miss and would be mailed.
         */
        ordersWithoutCart: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /**
     * The delivery fallback: when a shop never reports deliveries, a delivery-anchored follow-up is
     * timed from the shipment plus the transit time, and re-timed if the delivery is reported.
     */
    delivery: z
      .object({
        domesticTransitDays: z.number().min(0).max(60).default(DEFAULTS.domesticTransitDays),
        internationalTransitDays: z.number().min(0).max(60).default(DEFAULTS.internationalTransitDays),
        /** ISO 3166-1 alpha-2; by default the country of the store's default region, when it has exactly one. */
        homeCountry: z
          .string()
          .regex(/^[a-zA-Z]{2}$/, "must be a two-letter country code like nl")
          .transform((code) => code.toLowerCase())
          .optional(),
        /** A flow that must wait for the parcel looks again this often while the order has not shipped in full. */
        recheckHours: z.number().min(1).max(72).default(DEFAULTS.deliveryRecheckHours),
      })
      .strict()
      .prefault({}),
    /** Marketing email due at night waits for the morning, in the shop's time zone. */
    quietHours: z
      .object({
        enabled: z.boolean().default(true),
        /** Local time, 24-hour `HH:mm`; the quiet hours may cross midnight. */
        start: clockTime.default(DEFAULTS.quietHoursStart),
        end: clockTime.default(DEFAULTS.quietHoursEnd),
        /** IANA time zone, e.g. Europe/Amsterdam. */
        timeZone: timeZone.default(DEFAULTS.timeZone),
      })
      .strict()
      .prefault({}),
    /** At most one marketing email per recipient per window; a later one waits, and is skipped if it waits too long. */
    frequencyCap: z
      .object({
        enabled: z.boolean().default(true),
        windowHours: z.number().min(1).max(24 * 30).default(DEFAULTS.frequencyCapHours),
        maxDeferralDays: z.number().min(1).max(60).default(DEFAULTS.maxDeferralDays),
      })
      .strict()
      .prefault({}),
    /** The language of the emails when neither the order nor the customer says: per region, then the shop's. */
    i18n: z
      .object({
        /** BCP 47, in a language the plugin writes (en, nl, de, fr). */
        defaultLocale: writtenLocale.default("en"),
        /** Region id → BCP 47, for orders without a locale (a region has no language of its own in Medusa). */
        regionLocales: z.record(z.string().min(1), writtenLocale).default({}),
      })
      .strict()
      .prefault({}),
    /** Returns and the EU withdrawal function: see the README's "Returns policy" section. */
    returns: z
      .object({
        /** The return shipping option a withdrawal's return request uses; by default the region's return option, when there is one. */
        shippingOptionId: z.string().regex(/^so_[0-9A-Z]{26}$/, "must be a shipping option id like so_01…").optional(),
        /** How long the withdrawal link in an order confirmation works: longer than any return window plus the delivery. */
        withdrawalLinkDays: z.number().int().min(30).max(800).default(DEFAULTS.withdrawalLinkDays),
        /** The "return window closing" email goes this many days before the last day to return. */
        windowClosingDays: z.number().int().min(1).max(30).default(DEFAULTS.windowClosingDays),
      })
      .strict()
      .prefault({}),
    /**
     * Reviews: moderation and the review links. The reviews module validates
     * the same section with the same schema; the flows read the links' part.
     */
    reviews: reviewsOptionsSchema.prefault({}),
    /** Defaults per flow key, before any admin change. */
    flows: z.record(z.string(), flowOverrideSchema).default({}),
  })
  .strict()

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>
export type PluginOptions = z.output<typeof pluginOptionsSchema>

/**
 * Validates the plugin options once, at boot. The error names the first bad
 * option by its path, e.g. `brand.primaryColor`.
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const result = pluginOptionsSchema.safeParse(withoutFrameworkKeys(raw))
  if (result.success) {
    return result.data
  }
  const issues = result.error.issues.map((issue) => {
    const path = [...issue.path, ...("keys" in issue ? [issue.keys[0]] : [])].join(".")
    return `"${path}": ${issue.message}`
  })
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `medusa-plugin-post-purchase: invalid option ${issues.join("; ")}`
  )
}

/** Keys Medusa itself adds to a module's options (the test runner adds `database`). */
const KEYS_VALIDATED_ELSEWHERE = new Set(["database"])

function withoutFrameworkKeys(raw: unknown): Record<string, unknown> {
  if (!raw || typeof raw !== "object") {
    return {}
  }
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).filter(([key]) => !KEYS_VALIDATED_ELSEWHERE.has(key))
  )
}
