import { z } from "@medusajs/framework/zod"
import { COPY_FIELD_NAMES, copyFieldProblem, FLOW_ANCHORS, type CopyFields, type FlowAnchor } from "../../../flows"
import { canonicalLocale, languageOf, LANGUAGES } from "../../../i18n"
import { DEFAULTS } from "../../../lib/defaults"
import type { FollowupStatus } from "../../../modules/post-purchase"
import { FOLLOWUP_STATUSES } from "../../../modules/post-purchase/models/followup"
import { POLICY_SCOPES, returnPolicyTermsShape, withTermsChecks, type PolicyScope } from "../../../lib/return-policy"
import { flowKey, medusaId, pageParams, pastDateTime, textBetween } from "../../utils/input-guards"
import { consentStatement } from "../../store/post-purchase/validators"
// reviews
import {
  APPROVAL_RATE_PERIODS,
  REJECTION_REASONS,
  REVIEW_LIMITS,
  REVIEW_STATUSES,
  type ApprovalRatePeriod,
  type RejectionReason,
  type ReviewStatus,
} from "../../../modules/reviews/constants"
// loyalty admin
import { LEDGER_LIMITS } from "../../../modules/loyalty/constants"
import { LOYALTY_LIMITS, loyaltySettingsIssues, loyaltySettingsSchema } from "../../../modules/loyalty/settings"

export const AdminFlowParams = z.object({ key: flowKey("key") })

export const AdminFollowupParams = z.object({ id: medusaId("id") })

export const AdminUpdateFlow = z
  .object({
    enabled: z.boolean().optional(),
    delay_seconds: z
      .number()
      .int("delay_seconds must be a whole number of seconds")
      .min(0, "delay_seconds cannot be negative")
      .max(DEFAULTS.maxDelaySeconds, `delay_seconds can be at most ${DEFAULTS.maxDelaySeconds} (365 days)`)
      .optional(),
    anchor: z
      .custom<FlowAnchor>((value) => (FLOW_ANCHORS as readonly unknown[]).includes(value), `anchor must be one of ${FLOW_ANCHORS.join(", ")}`)
      .optional(),
  })
  .strict()
  .refine((body) => body.enabled !== undefined || body.delay_seconds !== undefined || body.anchor !== undefined, {
    message: "Send enabled, delay_seconds or anchor",
  })
export type AdminUpdateFlowType = z.infer<typeof AdminUpdateFlow>

/**
 * One value or several (`?status=failed`, `?status[0]=failed&status[1]=sent`), always an array.
 * Not a union of one and many: Medusa words a union's error after its array branch
 * ("Expected type: 'array' for field 'status', got: 'nope'") instead of the value's own message.
 */
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(20))

/** GET routes that take no query: anything in it is a mistake worth a 400. */
export const AdminNoQuery = z.object({}).strict()

// a custom check, so the 400 carries this message (Medusa words an enum's error itself, from the raw query)
const status = z.custom<FollowupStatus>(
  (value) => (FOLLOWUP_STATUSES as readonly unknown[]).includes(value),
  `status must be one of ${FOLLOWUP_STATUSES.join(", ")}`
)

const dateTime = (field: string) =>
  z.iso.datetime({ offset: true, message: `${field} must be a date and time like 2026-11-26T09:00:00Z` }).transform((value) => new Date(value))

/** The admin's list of follow-ups: one order's, or all of them, filtered by status, flow and due date. */
export const AdminListFollowups = z
  .object({
    order_id: medusaId("order_id").optional(),
    status: oneOrMany(status).optional(),
    flow: oneOrMany(flowKey("flow")).optional(),
    send_at: z
      .object({ $gte: dateTime("send_at[$gte]"), $lte: dateTime("send_at[$lte]") })
      .partial()
      .strict()
      .optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    order: z
      .enum(["send_at", "-send_at", "created_at", "-created_at"], {
        message: "order must be one of send_at, -send_at, created_at, -created_at",
      })
      .default("-send_at"),
  })
  .strict()
export type AdminListFollowupsType = z.infer<typeof AdminListFollowups>

/** Several follow-ups at once, for the list's bulk actions. */
export const AdminFollowupIds = z
  .object({
    ids: z.array(medusaId("ids")).min(1).max(DEFAULTS.maxBulkFollowups),
  })
  .strict()
export type AdminFollowupIdsType = z.infer<typeof AdminFollowupIds>

export const AdminCustomerParams = z.object({ id: medusaId("id") })
export const AdminSuppressionParams = z.object({ id: medusaId("id") })

/** Consent an admin records for a customer: given or withdrawn offline, or from an import. */
export const AdminRecordConsent = z
  .object({
    granted: consentStatement.granted,
    wording: textBetween("wording", 10, 2000, "must say how and where it was given, e.g. the paper form's text"),
    source: z.enum(["admin", "import"], { message: "source must be admin or import" }).default("admin"),
    given_at: pastDateTime("given_at").optional(),
  })
  .strict()
export type AdminRecordConsentType = z.infer<typeof AdminRecordConsent>

export const AdminLiftSuppression = z
  .object({
    reason: textBetween("reason", 3, 500, "must say why the suppression is lifted"),
  })
  .strict()
export type AdminLiftSuppressionType = z.infer<typeof AdminLiftSuppression>

/** A BCP 47 tag in a language the plugin writes. */
const writtenLocale = z.custom<string>(
  (value) => typeof value === "string" && !!languageOf(canonicalLocale(value)),
  `locale must be a BCP 47 locale in a language the plugin writes (${LANGUAGES.join(", ")}), like nl-NL`
)

/** A preview's language: a BCP 47 tag in a language the plugin writes. */
export const AdminPreviewQuery = z
  .object({
    locale: writtenLocale.optional(),
  })
  .strict()
export type AdminPreviewQueryType = z.infer<typeof AdminPreviewQuery>

/**
 * The overridden texts of a flow's email, each trimmed; a field left out keeps
 * its catalog text. The 400 names the field, and an unknown variable by name.
 */
const copyFields = z
  .object(
    Object.fromEntries(COPY_FIELD_NAMES.map((field) => [field, z.string({ message: `${field} must be text` }).optional()])) as Record<
      keyof CopyFields,
      z.ZodOptional<z.ZodString>
    >
  )
  .strict()
  .superRefine((fields, context) => {
    for (const field of COPY_FIELD_NAMES) {
      const text = fields[field]
      const problem = text === undefined ? null : copyFieldProblem(field, text.trim())
      if (problem) {
        context.addIssue({ code: "custom", message: problem, path: [field] })
      }
    }
  })
  .transform((fields): CopyFields =>
    Object.fromEntries(COPY_FIELD_NAMES.filter((field) => fields[field] !== undefined).map((field) => [field, fields[field]!.trim()]))
  )

/** Which language's copy: required, so an edit never lands in the wrong language by default. */
const copyLocale = z.custom<string>(
  (value) => typeof value === "string" && !!languageOf(canonicalLocale(value)),
  `locale is required: a BCP 47 locale in a language the plugin writes (${LANGUAGES.join(", ")}), like nl-NL`
)

export const AdminCopyQuery = z.object({ locale: copyLocale }).strict()
export type AdminCopyQueryType = z.infer<typeof AdminCopyQuery>

/** A save: the fields given are the copy from now on; the ones left out go back to the catalog text. */
export const AdminSaveCopy = z.object({ locale: copyLocale, fields: copyFields }).strict()
export type AdminSaveCopyType = z.infer<typeof AdminSaveCopy>

export const AdminResetCopy = z.object({ locale: copyLocale }).strict()
export type AdminResetCopyType = z.infer<typeof AdminResetCopy>

export const AdminRestoreCopy = z
  .object({
    locale: copyLocale,
    version: z.number({ message: "version must be a version number, like 2" }).int("version must be a whole number").min(1, "version must be 1 or more"),
  })
  .strict()
export type AdminRestoreCopyType = z.infer<typeof AdminRestoreCopy>

/** A preview of unsaved copy: `copy` is checked like a save and shown instead of the saved copy. */
export const AdminPreviewDraft = z.object({ locale: writtenLocale.optional(), copy: copyFields.optional() }).strict()
export type AdminPreviewDraftType = z.infer<typeof AdminPreviewDraft>

/** A test email to an address the admin types, rendered with one of the shop's orders or with sample data. */
export const AdminSendTestEmail = z
  .object({
    to: z.string({ message: "to is required: the address to send the test email to" }).trim().pipe(z.email({ message: "to must be an email address, like you@example.com" })),
    locale: writtenLocale.optional(),
    order_id: medusaId("order_id").optional(),
  })
  .strict()
export type AdminSendTestEmailType = z.infer<typeof AdminSendTestEmail>

/** Which policy: the store's, or an override for a sales channel or region. */
const policyScopeFields = {
  scope: z
    .custom<PolicyScope>((value) => (POLICY_SCOPES as readonly unknown[]).includes(value), `scope must be one of ${POLICY_SCOPES.join(", ")}`)
    .default("store"),
  scope_id: z.string().regex(/^(reg|sc)_[0-9A-Z]{26}$/, "scope_id must be a region id (reg_…) or a sales channel id (sc_…)").nullish(),
}

const checkScopeId = (body: { scope: PolicyScope; scope_id?: string | null }, context: z.RefinementCtx) => {
  const expected = body.scope === "region" ? "reg_" : body.scope === "sales_channel" ? "sc_" : null
  if (!expected && body.scope_id) {
    context.addIssue({ code: "custom", message: "scope_id is only for a sales_channel or region scope", path: ["scope_id"] })
  } else if (expected && !body.scope_id?.startsWith(expected)) {
    context.addIssue({ code: "custom", message: `scope_id must be the ${body.scope.replace("_", " ")}'s id (${expected}…)`, path: ["scope_id"] })
  }
}

/**
 * The returns policy an admin saves: the scope (the store, or an override for a
 * sales channel or region) next to the terms' own fields, so every 400 names
 * the field as the form does.
 */
export const AdminSaveReturnPolicy = withTermsChecks(returnPolicyTermsShape.extend(policyScopeFields).strict()).superRefine(checkScopeId)
export type AdminSaveReturnPolicyType = z.infer<typeof AdminSaveReturnPolicy>

/** Which scope's history: the store's, or a sales channel's or region's override. */
export const AdminReturnPolicyVersionsQuery = z
  .object({
    scope_id: z.string().regex(/^(reg|sc)_[0-9A-Z]{26}$/, "scope_id must be a region id (reg_…) or a sales channel id (sc_…)").optional(),
  })
  .strict()
export type AdminReturnPolicyVersionsQueryType = z.infer<typeof AdminReturnPolicyVersionsQuery>

export const AdminOverrideParams = z.object({
  scope_id: z.string().regex(/^(reg|sc)_[0-9A-Z]{26}$/, "scope_id must be a region id (reg_…) or a sales channel id (sc_…)"),
})

export const AdminOrderParams = z.object({ id: medusaId("id") })

/** Draft terms for the drawer's live preview, checked like a save, and the language to write the block in. */
export const AdminPreviewReturnPolicy = withTermsChecks(
  returnPolicyTermsShape.extend({ ...policyScopeFields, locale: writtenLocale.optional() }).strict()
).superRefine(checkScopeId)
export type AdminPreviewReturnPolicyType = z.infer<typeof AdminPreviewReturnPolicy>

// the feedback survey: NPS and the latest answers over a period
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** A day (2026-11-01, from its start in UTC) or a date and time with its offset; `end` makes a day count up to its end. */
const periodBound = (field: string, end: boolean) =>
  z.string({ message: `${field} must be a date like 2026-11-01 or a date and time like 2026-11-01T00:00:00Z` }).transform((value, context) => {
    const day = ISO_DAY.test(value)
    const parsed = day ? Date.parse(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN
    if (Number.isNaN(parsed)) {
      context.addIssue({ code: "custom", message: `${field} must be a date like 2026-11-01 or a date and time like 2026-11-01T00:00:00Z` })
      return z.NEVER
    }
    return new Date(day && end ? parsed + DAY_MS : parsed)
  })

/** `from` (inclusive) to `to` (a day counts whole); by default the last 30 days. */
export const AdminFeedbackQuery = z
  .object({
    from: periodBound("from", false).optional(),
    to: periodBound("to", true).optional(),
    ...pageParams({ max: 100, defaultLimit: 20 }),
  })
  .strict()
  .transform(({ from, to, ...page }) => {
    const end = to ?? new Date()
    return { ...page, from: from ?? new Date(end.getTime() - 30 * DAY_MS), to: end }
  })
  .refine(({ from, to }) => from < to, { message: "to must be after from", path: ["to"] })
export type AdminFeedbackQueryType = z.infer<typeof AdminFeedbackQuery>

// reviews: the moderation queue, bulk moderation, replies, approval rates and the verification statement
const reviewStatus = z.custom<ReviewStatus>(
  (value) => (REVIEW_STATUSES as readonly unknown[]).includes(value),
  `status must be one of ${REVIEW_STATUSES.join(", ")}`
)
const reviewRating = z.preprocess(
  (value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value),
  z.custom<number>((value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5, "rating must be a whole number from 1 to 5")
)

/** The admin's reviews: every status, filtered by status, rating, product and text, a page at a time. */
export const AdminListReviews = z
  .object({
    status: oneOrMany(reviewStatus).optional(),
    rating: oneOrMany(reviewRating).optional(),
    product_id: medusaId("product_id").optional(),
    q: z.string().trim().max(200, "q can be at most 200 characters").optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    order: z
      .enum(["created_at", "-created_at", "rating", "-rating", "moderated_at", "-moderated_at"], {
        message: "order must be one of created_at, -created_at, rating, -rating, moderated_at, -moderated_at",
      })
      .default("-created_at"),
  })
  .strict()
export type AdminListReviewsType = z.infer<typeof AdminListReviews>

/** Approve or reject reviews in bulk, whatever their rating; a rejection needs a reason from the fixed list. */
export const AdminModerateReviews = z
  .object({
    ids: z.array(medusaId("ids")).min(1, "ids must hold at least one review id").max(100, "ids can hold at most 100 review ids"),
    action: z.custom<"approve" | "reject">((value) => value === "approve" || value === "reject", "action must be approve or reject"),
    reason: z
      .custom<RejectionReason>(
        (value) => (REJECTION_REASONS as readonly unknown[]).includes(value),
        `reason must be one of ${REJECTION_REASONS.join(", ")}`
      )
      .nullish(),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.action === "reject" && !body.reason) {
      context.addIssue({
        code: "custom",
        path: ["reason"],
        message: `reason is required to reject a review: one of ${REJECTION_REASONS.join(", ")} (never the rating or the sentiment)`,
      })
    } else if (body.action === "approve" && body.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: "reason is only for a rejection" })
    }
  })
export type AdminModerateReviewsType = z.infer<typeof AdminModerateReviews>

export const AdminReviewParams = z.object({ id: medusaId("id") })
export const AdminProductParams = z.object({ id: medusaId("id") })

/** The shop's public reply to a review, plain text; null removes it. */
export const AdminReplyToReview = z
  .object({
    reply: textBetween("reply", 1, REVIEW_LIMITS.replyLength, "is the shop's public answer, or null to remove it").nullable(),
  })
  .strict()
export type AdminReplyToReviewType = z.infer<typeof AdminReplyToReview>

/** Approval rates over a range (default: the last 12 weeks), per week or month. */
export const AdminApprovalRatesQuery = z
  .object({
    from: z.iso.datetime({ offset: true, message: "from must be a date and time like 2026-09-01T00:00:00Z" }).optional(),
    to: z.iso.datetime({ offset: true, message: "to must be a date and time like 2026-12-01T00:00:00Z" }).optional(),
    period: z
      .custom<ApprovalRatePeriod>(
        (value) => (APPROVAL_RATE_PERIODS as readonly unknown[]).includes(value),
        `period must be one of ${APPROVAL_RATE_PERIODS.join(", ")}`
      )
      .default("week"),
  })
  .strict()
  .transform((query, context) => {
    const to = query.to ? new Date(query.to) : new Date()
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 12 * 7 * DAY_MS)
    if (from >= to) {
      context.addIssue({ code: "custom", path: ["from"], message: "from must be before to" })
    } else if (to.getTime() - from.getTime() > MAX_APPROVAL_RATE_RANGE_DAYS * DAY_MS) {
      context.addIssue({ code: "custom", path: ["from"], message: `from can be at most ${MAX_APPROVAL_RATE_RANGE_DAYS} days before to` })
    }
    return { from, to, period: query.period }
  })
export type AdminApprovalRatesQueryType = z.infer<typeof AdminApprovalRatesQuery>

const DAY_MS = 24 * 3600 * 1000
// two years: 105 weeks or 25 months at most in one answer
const MAX_APPROVAL_RATE_RANGE_DAYS = 731

/** How the shop checks that reviews come from real buyers, as the EU's Omnibus Directive asks; empty or null serves the default statement. */
export const AdminSaveReviewSettings = z
  .object({
    verification_statement: z
      .string({ message: "verification_statement must be text, or null for the default statement" })
      .trim()
      .refine(
        (text) => text.length <= REVIEW_LIMITS.verificationStatementLength,
        `verification_statement can be at most ${REVIEW_LIMITS.verificationStatementLength} characters`
      )
      .nullable(),
  })
  .strict()
export type AdminSaveReviewSettingsType = z.infer<typeof AdminSaveReviewSettings>

// loyalty admin: the programme's settings, a customer's ledger and an admin's adjustment of their points
/**
 * The whole programme, checked with the module's own schema. One custom issue
 * carries every problem, each with its field's path
 * (`"earn_rates.0.points_per_unit": must be more than 0`): Medusa's wording of
 * a zod error keeps three issues and drops the path of most.
 */
export const AdminSaveLoyaltySettings = z.unknown().transform((raw, context) => {
  const result = loyaltySettingsSchema.safeParse(raw ?? {})
  if (!result.success) {
    context.addIssue({ code: "custom", message: loyaltySettingsIssues(result.error) })
    return z.NEVER
  }
  return result.data
})
export type AdminSaveLoyaltySettingsType = z.infer<typeof AdminSaveLoyaltySettings>

export const AdminLoyaltyLedgerQuery = z.object(pageParams({ max: LEDGER_LIMITS.pageSize, defaultLimit: 10 })).strict()
export type AdminLoyaltyLedgerQueryType = z.infer<typeof AdminLoyaltyLedgerQuery>

/** Points an admin gives (positive) or takes (negative) by hand, always with the reason the customer and the next admin read. */
export const AdminAdjustLoyaltyPoints = z
  .object({
    points: z
      .number({ message: "points must be a number of points, like 50 or -50" })
      // refinements, so the 400 carries these messages (Medusa words int, min and max itself)
      .refine(Number.isInteger, "points must be a whole number, like 50 or -50")
      .refine((points) => points !== 0, "points cannot be 0: give a positive number to add points, a negative one to take them")
      .refine((points) => Math.abs(points) <= LOYALTY_LIMITS.points, `points can be at most ${LOYALTY_LIMITS.points} either way`),
    reason: z
      .string({ message: "reason is required: say why the balance changes" })
      .trim()
      // refinements, so the 400 carries these messages
      .refine((reason) => reason.length > 0, "reason is required: say why the balance changes")
      .refine((reason) => reason.length <= LEDGER_LIMITS.reasonLength, `reason can be at most ${LEDGER_LIMITS.reasonLength} characters`),
  })
  .strict()
export type AdminAdjustLoyaltyPointsType = z.infer<typeof AdminAdjustLoyaltyPoints>
