import { z } from "@medusajs/framework/zod"
import { canonicalLocale, languageOf, LANGUAGES } from "../../../i18n"
import { medusaId, pageParams, textBetween } from "../../utils/input-guards"
import { SURVEY_TEXT_MAX } from "../../../modules/post-purchase/models/survey-answer"
// reviews
import { REVIEW_LIMITS, STORE_REVIEW_SORTS, type StoreReviewSort } from "../../../modules/reviews/constants"

/** The consent wording shown next to the checkbox, and the page it was on, kept as proof. */
export const consentStatement = {
  granted: z.boolean({ message: "granted must be true or false" }),
  wording: textBetween("wording", 10, 2000, "must be the exact text shown to the customer"),
}

export const StoreRecordConsent = z
  .object({
    ...consentStatement,
    url: z
      .url({ protocol: /^https?$/, message: "url must be the storefront page's http(s) URL" })
      .max(2048, "url can be at most 2048 characters")
      .optional(),
    /** A guest's checkout: the cart the consent is bound to. */
    cart_id: medusaId("cart_id").optional(),
  })
  .strict()
export type StoreRecordConsentType = z.infer<typeof StoreRecordConsent>

/** A customer's email language: a BCP 47 tag in a language the plugin writes, or null for no preference. */
export const StoreSetPreferences = z
  .object({
    locale: z
      .custom<string | null>(
        (value) => value === null || (typeof value === "string" && !!languageOf(canonicalLocale(value))),
        `locale must be null or a BCP 47 locale in a language the plugin writes (${LANGUAGES.join(", ")}), like nl-NL`
      )
      .transform((value) => (value === null ? null : canonicalLocale(value))),
  })
  .strict()
export type StoreSetPreferencesType = z.infer<typeof StoreSetPreferences>

// The returns policy's public routes: the region (else the store's default) and, for a key with several sales channels, which one
export const StoreReturnPolicyQuery = z
  .object({
    region_id: medusaId("region_id").optional(),
    sales_channel_id: medusaId("sales_channel_id").optional(),
  })
  .strict()
export type StoreReturnPolicyQueryType = z.infer<typeof StoreReturnPolicyQuery>

export const StoreProductParams = z.object({ id: medusaId("id") })
export const StoreOrderParams = z.object({ id: medusaId("id") })

// the EU withdrawal function: the link's token, or a signed-in customer's own order
const withdrawalToken = z
  .string({ message: "token must be the token of the withdrawal link" })
  .min(1, "token must be the token of the withdrawal link")
  .max(4000, "token is too long for a withdrawal link's token")

const oneOrder = <T extends { token?: string; order_id?: string }>(value: T) => !(value.token && value.order_id)
const ONE_ORDER = { message: "give token or order_id, not both", path: ["token"] }

export const StoreWithdrawalQuery = z
  .object({ token: withdrawalToken.optional(), order_id: medusaId("order_id").optional() })
  .strict()
  .refine(oneOrder, ONE_ORDER)
export type StoreWithdrawalQueryType = z.infer<typeof StoreWithdrawalQuery>

export const StoreWithdraw = z
  .object({
    token: withdrawalToken.optional(),
    order_id: medusaId("order_id").optional(),
    name: textBetween("name", 1, 200, "must be the name of the customer who withdraws"),
    email: z
      .string({ message: "email is required: the email address the order was placed with" })
      .trim()
      .max(320, "email can be at most 320 characters")
      .pipe(z.email({ message: "email must be an email address like anna@example.com" })),
    items: z
      .array(
        z
          .object({
            id: medusaId("items.id"),
            quantity: z
              .number({ message: "items.quantity must be a number" })
              .int("items.quantity must be a whole number")
              .min(1, "items.quantity must be at least 1"),
          })
          .strict(),
        { message: "items must be a list of { id, quantity }" }
      )
      // refinements, so the 400 carries these messages (Medusa words length checks itself)
      .refine((items) => items.length >= 1, "items needs at least one item to withdraw")
      .refine((items) => items.length <= 200, "items can hold at most 200 items"),
    // the separate, explicit confirmation Article 11a asks for; a custom check, so a missing one gets this message too
    confirm: z.custom<true>((value) => value === true, "confirm must be true: the customer confirms the withdrawal in a step of its own"),
  })
  .strict()
  .refine(oneOrder, ONE_ORDER)
export type StoreWithdrawType = z.infer<typeof StoreWithdraw>

// reviews: a review through the signed link of a review request
const reviewToken = z
  .string({ message: "token must be the token of a review link" })
  .min(1, "token must be the token of a review link")
  .max(4000, "token is too long for a review link's token")

const optionalText = (field: string, max: number) =>
  z
    .string({ message: `${field} must be text` })
    .refine((text) => text.length <= max, `${field} can be at most ${max} characters`)
    .nullish()

const httpsUrl = (value: string) => {
  try {
    return new URL(value).protocol === "https:" && value.length <= 2048
  } catch {
    return false
  }
}

export const StoreSubmitReview = z
  .object({
    token: reviewToken,
    // a custom check, so 0, 6, 3.5 and "5" all get this message
    rating: z.custom<number>(
      (value) => typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5,
      "rating must be a whole number from 1 to 5"
    ),
    title: optionalText("title", REVIEW_LIMITS.titleLength),
    // plain text: stored as typed, escaped wherever it is shown
    body: optionalText("body", REVIEW_LIMITS.bodyLength),
    /** The name shown with the review; the buyer's first name and last initial when left out. */
    name: optionalText("name", REVIEW_LIMITS.nameLength),
    images: z
      .array(z.string({ message: "images must be a list of https URLs" }), { message: "images must be a list of https URLs" })
      .refine((images) => images.length <= REVIEW_LIMITS.images, `images can hold at most ${REVIEW_LIMITS.images} URLs`)
      .refine((images) => images.every(httpsUrl), "images must be https URLs (at most 2048 characters each)")
      .optional(),
  })
  .strict()
export type StoreSubmitReviewType = z.infer<typeof StoreSubmitReview>

export const StoreReviewFormQuery = z.object({ token: reviewToken }).strict()
export type StoreReviewFormQueryType = z.infer<typeof StoreReviewFormQuery>
// the feedback survey: a storefront's own survey page, with the token of the email's link
const surveyText = (field: string) =>
  z
    .string({ message: `${field} must be text` })
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .refine((text) => text.length <= SURVEY_TEXT_MAX, `${field} can be at most ${SURVEY_TEXT_MAX} characters`)
    .nullish()
    .transform((text) => text || null)

export const StoreSurveyAnswer = z
  .object({
    token: z
      .string({ message: "token is required: the token of the survey link" })
      .min(1, "token is required: the token of the survey link")
      .max(4000, "token is too long for a survey link's token"),
    // a custom check, so the 400 carries this message (Medusa words type, int, min and max errors itself)
    score: z.custom<number>(
      (score) => typeof score === "number" && Number.isInteger(score) && score >= 0 && score <= 10,
      "score must be a whole number from 0 to 10"
    ),
    comment: surveyText("comment"),
    improvement: surveyText("improvement"),
  })
  .strict()
export type StoreSurveyAnswerType = z.infer<typeof StoreSurveyAnswer>

// reviews: a product's approved reviews, a page at a time, and its summary
export const StoreListReviews = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).default(0),
    sort: z
      .custom<StoreReviewSort>(
        (value) => (STORE_REVIEW_SORTS as readonly unknown[]).includes(value),
        `sort must be one of ${STORE_REVIEW_SORTS.join(", ")}`
      )
      .default("newest"),
  })
  .strict()
export type StoreListReviewsType = z.infer<typeof StoreListReviews>

// loyalty: the signed-in customer's points and history, and redeeming a reward
export const StoreLoyaltyQuery = z.object(pageParams({ max: 100, defaultLimit: 20 })).strict()
export type StoreLoyaltyQueryType = z.infer<typeof StoreLoyaltyQuery>

export const StoreRedeemReward = z
  .object({
    reward_id: z
      .string({ message: "reward_id is required: the id of one of the programme's rewards" })
      .min(1, "reward_id is required: the id of one of the programme's rewards")
      .max(40, "reward_id must be the id of one of the programme's rewards"),
  })
  .strict()
export type StoreRedeemRewardType = z.infer<typeof StoreRedeemReward>

// loyalty referrals: a new customer claims a member's referral code
export const StoreClaimReferral = z
  .object({
    referral_code: z
      .string({ message: "referral_code is required: a member's referral code" })
      .trim()
      .min(1, "referral_code is required: a member's referral code")
      .max(40, "referral_code must be a member's referral code"),
    email: z.email({ message: "email must be an email address" }).optional(),
  })
  .strict()
export type StoreClaimReferralType = z.infer<typeof StoreClaimReferral>
