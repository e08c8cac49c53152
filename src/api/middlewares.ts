import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminCopyQuery,
  AdminCustomerParams,
  AdminPreviewDraft,
  AdminResetCopy,
  AdminRestoreCopy,
  AdminSaveCopy,
  AdminSendTestEmail,
  AdminLiftSuppression,
  AdminRecordConsent,
  AdminSuppressionParams,
  AdminFlowParams,
  AdminFollowupIds,
  AdminFollowupParams,
  AdminListFollowups,
  AdminNoQuery,
  AdminPreviewQuery,
  AdminUpdateFlow,
  AdminOrderParams,
  AdminOverrideParams,
  AdminReturnPolicyVersionsQuery,
  AdminSaveReturnPolicy,
  // returns-policy admin: the drawer's live preview
  AdminPreviewReturnPolicy,
} from "./admin/post-purchase/validators"
import { StoreRecordConsent, StoreSetPreferences } from "./store/post-purchase/validators"
import { StoreOrderParams, StoreProductParams, StoreReturnPolicyQuery } from "./store/post-purchase/validators"
// the EU withdrawal function
import { StoreWithdraw, StoreWithdrawalQuery } from "./store/post-purchase/validators"
// reviews: submitting a review through a review link
import { StoreReviewFormQuery, StoreSubmitReview } from "./store/post-purchase/validators"
// the feedback survey
import { AdminFeedbackQuery } from "./admin/post-purchase/validators"
import { StoreSurveyAnswer } from "./store/post-purchase/validators"
// reviews: the Store read API and the admin's moderation
import {
  AdminApprovalRatesQuery,
  AdminListReviews,
  AdminModerateReviews,
  AdminProductParams,
  AdminReplyToReview,
  AdminReviewParams,
  AdminSaveReviewSettings,
} from "./admin/post-purchase/validators"
import { StoreListReviews } from "./store/post-purchase/validators"
// loyalty admin: the programme's settings, a customer's points and adjustments
import { AdminAdjustLoyaltyPoints, AdminLoyaltyLedgerQuery, AdminSaveLoyaltySettings } from "./admin/post-purchase/validators"
// loyalty: the signed-in customer's points and redemptions
import { StoreLoyaltyQuery, StoreRedeemReward } from "./store/post-purchase/validators"
// loyalty referrals: claiming a member's referral code
import { StoreClaimReferral } from "./store/post-purchase/validators"
import { refuseControlCharacters, requireCartForGuests, validateParams } from "./utils/input-guards"

export default defineMiddlewares({
  routes: [
    // every plugin route, whatever its method: no control characters in the path, query or body
    {
      matcher: "/admin/post-purchase/*",
      middlewares: [refuseControlCharacters],
    },
    {
      matcher: "/store/post-purchase/*",
      middlewares: [refuseControlCharacters],
    },
    {
      matcher: "/hooks/post-purchase/*",
      middlewares: [refuseControlCharacters],
    },
    {
      // the customer's own consent: only when signed in
      matcher: "/store/post-purchase/consent",
      method: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      // signed in, or a guest at checkout with the cart
      matcher: "/store/post-purchase/consent",
      method: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreRecordConsent),
        requireCartForGuests,
      ],
    },
    {
      matcher: "/store/post-purchase/preferences",
      method: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/store/post-purchase/preferences",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreSetPreferences)],
    },
    // the returns policy's Store API: public and cacheable, except an order's deadline, which is its customer's alone
    {
      matcher: "/store/post-purchase/return-policy",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(StoreReturnPolicyQuery, {})],
    },
    {
      matcher: "/store/post-purchase/products/:id/returnability",
      method: ["GET"],
      middlewares: [validateParams(StoreProductParams), validateAndTransformQuery(StoreReturnPolicyQuery, {})],
    },
    {
      matcher: "/store/post-purchase/orders/:id/return-deadline",
      method: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"]),
        validateParams(StoreOrderParams),
        validateAndTransformQuery(AdminNoQuery, {}),
      ],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/preferences",
      method: ["GET"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/preferences",
      method: ["POST"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformBody(StoreSetPreferences)],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/consent",
      method: ["GET"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/consent",
      method: ["POST"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformBody(AdminRecordConsent)],
    },
    {
      matcher: "/admin/post-purchase/suppressions/:id/lift",
      method: ["POST"],
      middlewares: [validateParams(AdminSuppressionParams), validateAndTransformBody(AdminLiftSuppression)],
    },
    {
      matcher: "/admin/post-purchase/flows",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/delivery-status",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["GET"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateFlow)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/preview",
      method: ["GET"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformQuery(AdminPreviewQuery, {})],
    },
    {
      // unsaved copy, for the editor's live preview
      matcher: "/admin/post-purchase/flows/:key/preview",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformBody(AdminPreviewDraft)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/copy",
      method: ["GET"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformQuery(AdminCopyQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/copy",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformBody(AdminSaveCopy)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/copy/reset",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformBody(AdminResetCopy)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/copy/restore",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformBody(AdminRestoreCopy)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/test-email",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformBody(AdminSendTestEmail)],
    },
    {
      matcher: "/admin/post-purchase/followups",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListFollowups, {})],
    },
    {
      matcher: "/admin/post-purchase/followups/resend",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminFollowupIds)],
    },
    {
      matcher: "/admin/post-purchase/followups/cancel",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminFollowupIds)],
    },
    {
      matcher: "/admin/post-purchase/followups/:id/*",
      method: ["POST"],
      middlewares: [validateParams(AdminFollowupParams)],
    },
    {
      matcher: "/admin/post-purchase/return-policy",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/return-policy",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveReturnPolicy)],
    },
    // returns-policy admin: the drawer's live preview of draft terms
    {
      matcher: "/admin/post-purchase/return-policy/preview",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminPreviewReturnPolicy)],
    },
    {
      matcher: "/admin/post-purchase/return-policy/versions",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminReturnPolicyVersionsQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/return-policy/overrides/:scope_id",
      method: ["DELETE"],
      middlewares: [validateParams(AdminOverrideParams)],
    },
    // the EU withdrawal function: the link's token, or a signed-in customer's own order
    {
      matcher: "/store/post-purchase/withdrawals",
      method: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformQuery(StoreWithdrawalQuery, {}),
      ],
    },
    {
      matcher: "/store/post-purchase/withdrawals",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), validateAndTransformBody(StoreWithdraw)],
    },
    // reviews: a review link's form and its submission; a signed-in customer may use only their own links
    {
      matcher: "/store/post-purchase/reviews/form",
      method: ["GET"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformQuery(StoreReviewFormQuery, {}),
      ],
    },
    {
      matcher: "/store/post-purchase/reviews",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), validateAndTransformBody(StoreSubmitReview)],
    },
    {
      matcher: "/admin/post-purchase/orders/:id/return-terms",
      method: ["GET"],
      middlewares: [validateParams(AdminOrderParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    // loyalty: what an order earned, confirmed and gave back
    {
      matcher: "/admin/post-purchase/orders/:id/loyalty",
      method: ["GET"],
      middlewares: [validateParams(AdminOrderParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    // the feedback survey: a storefront's own survey page with the email link's token, and the admin's NPS
    {
      matcher: "/store/post-purchase/survey-answers",
      method: ["POST"],
      middlewares: [validateAndTransformBody(StoreSurveyAnswer)],
    },
    {
      matcher: "/admin/post-purchase/feedback",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminFeedbackQuery, {})],
    },
    // reviews: a product's approved reviews and its summary, public like the product
    {
      matcher: "/store/post-purchase/products/:id/reviews",
      method: ["GET"],
      middlewares: [validateParams(StoreProductParams), validateAndTransformQuery(StoreListReviews, {})],
    },
    {
      matcher: "/store/post-purchase/products/:id/reviews/summary",
      method: ["GET"],
      middlewares: [validateParams(StoreProductParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    // reviews: the admin's moderation queue, bulk moderation, replies, approval rates, the verification statement
    {
      matcher: "/admin/post-purchase/reviews",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListReviews, {})],
    },
    {
      matcher: "/admin/post-purchase/reviews/moderate",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminModerateReviews)],
    },
    {
      matcher: "/admin/post-purchase/reviews/:id/reply",
      method: ["POST"],
      middlewares: [validateParams(AdminReviewParams), validateAndTransformBody(AdminReplyToReview)],
    },
    {
      matcher: "/admin/post-purchase/reviews/approval-rates",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminApprovalRatesQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/reviews/settings",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/reviews/settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveReviewSettings)],
    },
    {
      matcher: "/admin/post-purchase/products/:id/reviews",
      method: ["GET"],
      middlewares: [validateParams(AdminProductParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    // loyalty admin: the programme's settings, a customer's points and adjustments
    {
      matcher: "/admin/post-purchase/loyalty/settings",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/loyalty/settings",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminSaveLoyaltySettings)],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/loyalty",
      method: ["GET"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformQuery(AdminLoyaltyLedgerQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/customers/:id/loyalty/adjustments",
      method: ["POST"],
      middlewares: [validateParams(AdminCustomerParams), validateAndTransformBody(AdminAdjustLoyaltyPoints)],
    },
    // loyalty: the signed-in customer's own points and rewards (never another's: no route takes a customer id), and the public programme
    {
      matcher: "/store/post-purchase/loyalty",
      method: ["GET"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformQuery(StoreLoyaltyQuery, {})],
    },
    {
      matcher: "/store/post-purchase/loyalty/redeem",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"]), validateAndTransformBody(StoreRedeemReward)],
    },
    // loyalty referrals: anyone with the publishable key claims a code; a signed-in customer is recognised, not required
    {
      matcher: "/store/post-purchase/loyalty/referrals",
      method: ["POST"],
      middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }), validateAndTransformBody(StoreClaimReferral)],
    },
    {
      matcher: "/store/post-purchase/loyalty/programme",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
  ],
})
