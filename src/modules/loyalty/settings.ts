import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

/** What an admin can set, at most; the admin form and the API validate against the same schema. */
export const LOYALTY_LIMITS = {
  rewards: 20,
  tiers: 10,
  nameLength: 80,
  pointsPerUnit: 1000,
  points: 1_000_000,
  expiryMonths: 120,
  reminderDays: 90,
  rewardDays: 730,
} as const

export const EXPIRY_MODES = ["inactivity", "oldest_first"] as const
export const TIER_BASES = ["points", "spend"] as const
export const DISCOUNT_KINDS = ["fixed", "percentage"] as const
/** What a reward pays out: a discount code, or (with `@medusajs/loyalty-plugin`) an amount on the customer's store-credit account. */
export const REWARD_KINDS = [...DISCOUNT_KINDS, "store_credit"] as const

const currencyCode = z
  .string()
  .regex(/^[a-z]{3}$/, "must be a lowercase ISO 4217 code like eur")
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1 to 40 lowercase letters, digits or dashes")
const name = z.string().trim().min(1, "is required").max(LOYALTY_LIMITS.nameLength)
const points = z.number().int("must be a whole number").min(0).max(LOYALTY_LIMITS.points)

const discountShape = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z
    .object({
      kind: z.enum(kinds),
      value: z.number().positive("must be more than 0"),
      /** For an amount off or store credit: the currency of the region it is spent in. */
      currency_code: currencyCode.nullable().default(null),
    })
    .superRefine((value, ctx) => {
      if (value.kind === "percentage" && value.value > 100) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "must be at most 100 for a percentage" })
      }
      if (value.kind === "fixed" && !value.currency_code) {
        ctx.addIssue({ code: "custom", path: ["currency_code"], message: "is required for an amount off" })
      }
      if (value.kind === "store_credit" && !value.currency_code) {
        ctx.addIssue({ code: "custom", path: ["currency_code"], message: "is required for store credit" })
      }
    })

/** A discount the plugin creates as a Medusa promotion: an amount off in a currency, or a percentage off. */
const discount = discountShape(DISCOUNT_KINDS)

/** What a reward gives: a discount (a promotion code), or `store_credit`: `value` in `currency_code` on the customer's store-credit account. */
const rewardPayout = discountShape(REWARD_KINDS)

/** Points per unit of currency (1 = a point per euro), on the item subtotal, optionally with shipping and tax. */
export const earnRateSchema = z.object({
  currency_code: currencyCode,
  points_per_unit: z.number().positive("must be more than 0").max(LOYALTY_LIMITS.pointsPerUnit),
  include_shipping: z.boolean().default(false),
  include_tax: z.boolean().default(false),
})

/** A reward customers redeem points for: a single-use code, bound to them, that expires; or store credit. */
export const rewardSchema = z.object({
  id,
  name,
  points_cost: points.min(1, "must be at least 1"),
  discount: rewardPayout,
  /** The code works this many days after it is redeemed (store credit does not expire). */
  expires_in_days: z.number().int("must be a whole number").min(1).max(LOYALTY_LIMITS.rewardDays).default(90),
})

/** A tier: reached at `threshold` points earned (or money spent) in a rolling 12 months, mapped to a customer group. */
export const tierSchema = z.object({
  id,
  name,
  threshold: z.number().min(0),
  /** Members are put in this Medusa customer group, for members-only prices and early access through price lists. */
  customer_group_id: z.string().min(1).nullable().default(null),
  /** Points earned on an order are multiplied by this. */
  multiplier: z.number().min(1).max(10).default(1),
})

const unique = <T>(key: (item: T) => string, what: string) => (items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>()
  items.forEach((item, index) => {
    const value = key(item)
    if (seen.has(value)) {
      ctx.addIssue({ code: "custom", path: [index], message: `${what} "${value}" appears twice` })
    }
    seen.add(value)
  })
}

/** The programme as the shop sets it in the admin. Off until the shop switches it on. */
export const loyaltySettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    earn_rates: z
      .array(earnRateSchema)
      .max(50)
      .superRefine(unique((rate) => rate.currency_code, "currency"))
      .default([{ currency_code: "eur", points_per_unit: 1, include_shipping: false, include_tax: false }]),
    rewards: z
      .array(rewardSchema)
      .max(LOYALTY_LIMITS.rewards)
      .superRefine(unique((reward) => reward.id, "reward id"))
      .default([
        {
          id: "five-off",
          name: "€5 off",
          points_cost: 500,
          discount: { kind: "fixed", value: 5, currency_code: "eur" },
          expires_in_days: 90,
        },
      ]),
    tiers: z
      .object({
        /** Points earned, or money spent (in `currency_code`), in a rolling 12 months. */
        basis: z.enum(TIER_BASES).default("points"),
        currency_code: currencyCode.nullable().default(null),
        levels: z
          .array(tierSchema)
          .max(LOYALTY_LIMITS.tiers)
          .superRefine(unique((tier) => tier.id, "tier id"))
          .default([]),
      })
      .superRefine((value, ctx) => {
        if (value.basis === "spend" && !value.currency_code) {
          ctx.addIssue({ code: "custom", path: ["currency_code"], message: "is required when tiers go by money spent" })
        }
      })
      .default({ basis: "points", currency_code: null, levels: [] }),
    expiry: z
      .object({
        /** Confirmed points expire after this many months; 0 means never. */
        months: z.number().int("must be a whole number").min(0).max(LOYALTY_LIMITS.expiryMonths).default(12),
        /** `inactivity`: all of them after that long without activity; `oldest_first`: each batch that long after it was confirmed. */
        mode: z.enum(EXPIRY_MODES).default("inactivity"),
        /** The "points expiring soon" email goes this many days before; 0 sends none. */
        reminder_days: z.number().int("must be a whole number").min(0).max(LOYALTY_LIMITS.reminderDays).default(14),
      })
      .default({ months: 12, mode: "inactivity", reminder_days: 14 }),
    bonuses: z
      .object({
        signup: points.default(0),
        first_order: points.default(0),
        approved_review: points.default(0),
      })
      .default({ signup: 0, first_order: 0, approved_review: 0 }),
    referrals: z
      .object({
        enabled: z.boolean().default(false),
        /** Points the referrer earns once the new customer's first order can no longer be returned. */
        referrer_points: points.default(0),
        /** The new customer's first-order discount. */
        discount: discount.default({ kind: "percentage", value: 10, currency_code: null }),
      })
      .default({ enabled: false, referrer_points: 0, discount: { kind: "percentage", value: 10, currency_code: null } }),
  })
  .strict()

export type LoyaltySettings = z.output<typeof loyaltySettingsSchema>
export type LoyaltySettingsInput = z.input<typeof loyaltySettingsSchema>
export type EarnRate = z.output<typeof earnRateSchema>
export type Reward = z.output<typeof rewardSchema>
export type Tier = z.output<typeof tierSchema>

/** Whether a reward is paid out as store credit rather than a promotion code. */
export function isStoreCreditReward(reward: Pick<Reward, "discount">): boolean {
  return reward.discount.kind === "store_credit"
}

/**
 * The rewards that cannot be saved because they pay out store credit and
 * Medusa's loyalty plugin does not run, each named by its field like the
 * other settings errors: `"rewards.0.discount.kind": store credit needs @medusajs/loyalty-plugin`.
 */
export function storeCreditRewardIssues(settings: Pick<LoyaltySettings, "rewards">, storeCreditAvailable: boolean): string[] {
  if (storeCreditAvailable) {
    return []
  }
  return settings.rewards.flatMap((reward, index) =>
    isStoreCreditReward(reward) ? [`"rewards.${index}.discount.kind": store credit needs @medusajs/loyalty-plugin`] : []
  )
}

/** The programme before the shop saves its own settings. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = loyaltySettingsSchema.parse({})

/** Validates settings; the error names every bad field by its path, e.g. `rewards.0.points_cost`. */
export function parseLoyaltySettings(raw: unknown): LoyaltySettings {
  const result = loyaltySettingsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid loyalty settings: ${loyaltySettingsIssues(result.error)}`)
}

/**
 * Every problem of a failed parse, each with its field's path:
 * `"rewards.0.points_cost": must be at least 1; "foo": Unrecognized key: "foo"`.
 * The admin API answers with it too, so its form puts each message at its field.
 */
export function loyaltySettingsIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = [...issue.path, ...("keys" in issue ? [issue.keys[0]] : [])].join(".")
      return `"${path || "settings"}": ${issue.message}`
    })
    .join("; ")
}
