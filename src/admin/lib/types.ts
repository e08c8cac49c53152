/** Response shapes of the plugin's admin API (`/admin/post-purchase/*`). */

import type { PolicyScope, ReturnPolicyTerms, WithdrawalException } from "../../lib/return-policy"

export type FlowCategory = "transactional" | "marketing"

/** What a flow's delay counts from. */
export type FlowAnchor = "placed" | "shipped" | "delivered"

export interface FlowView {
  key: string
  label: string
  description: string
  category: FlowCategory
  enabled: boolean
  delay_seconds: number
  anchor: FlowAnchor
  default_enabled: boolean
  default_delay_seconds: number
  default_anchor: FlowAnchor
  /** When a flow with its own timing goes, in words; null for a flow timed by its delay, which the admin can edit. */
  due_rule: string | null
  /** The flow this one is a reminder of: its delay runs from when that one is due, on that one's anchor. */
  follows: { key: string; label: string } | null
}

export interface FlowUpdate {
  enabled?: boolean
  delay_seconds?: number
  anchor?: FlowAnchor
}

export interface FlowPreview {
  locale: string
  subject: string
  html: string
  text: string
}

export const FOLLOWUP_STATUSES = ["scheduled", "sending", "sent", "failed", "canceled", "skipped"] as const

export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number]

export interface FollowupView {
  id: string
  /** Null for a follow-up about the customer's account (a loyalty email), not an order. */
  order_id: string | null
  customer_id: string | null
  /** The order's number as the admin shows it; null when the order no longer exists. */
  order_display_id: number | null
  flow: string
  flow_label: string
  status: FollowupStatus
  email: string
  /** The email's language (BCP 47), settled when it was scheduled. */
  locale: string | null
  send_at: string
  sent_at: string | null
  attempts: number
  last_error: string | null
  status_reason: string | null
  provider_message_id: string | null
  created_at: string
  updated_at: string
}

export interface FlowListResponse {
  flows: FlowView[]
}

export interface FlowResponse {
  flow: FlowView
}

export type FollowupOrder = "send_at" | "-send_at" | "created_at" | "-created_at"

/** Query of `GET /followups`: one order's follow-ups, or all of them, filtered, a page at a time. */
export interface FollowupListQuery {
  order_id?: string
  status?: FollowupStatus[]
  flow?: string[]
  send_at?: { $gte?: string; $lte?: string }
  offset?: number
  limit?: number
  order?: FollowupOrder
}

export interface FollowupListResponse {
  followups: FollowupView[]
  count: number
  offset: number
  limit: number
}

export interface FollowupResponse {
  followup: FollowupView
}

export interface FollowupsResponse {
  followups: FollowupView[]
}

/** Emails held back because the provider refuses the plugin's credentials or sender (401, 403). */
export interface DeliveryProblem {
  kind: "configuration"
  /** The provider's answer, e.g. "SendGrid 401: The provided authorization grant is invalid, expired, or revoked". */
  cause: string
  /** Follow-ups waiting for the problem to be fixed. */
  waiting: number
  since: string
  /** After this, the waiting follow-ups are marked failed. */
  retry_until: string
}

export interface DeliveryStatus {
  problem: DeliveryProblem | null
  /** Follow-ups that failed for good and wait for an admin to resend or cancel them. */
  failed: number
}

// Marketing consent

/** `opt-in`: marketing email only to recipients who agreed; `soft-opt-in`: existing customers until they object. */
export type ConsentMode = "opt-in" | "soft-opt-in"

/** The customer's latest consent statement: given, withdrawn, or none at all. */
export type ConsentStatus = "granted" | "withdrawn" | "none"

export type ConsentSource = "checkout" | "account" | "admin" | "import" | "unsubscribe"

/** The sources an admin can record consent from. */
export type AdminConsentSource = Extract<ConsentSource, "admin" | "import">

export type SuppressionSource = "unsubscribe" | "withdrawal" | "admin"

/** One consent statement, kept as proof; never changed afterwards. */
export interface ConsentRecordView {
  id: string
  email: string | null
  granted: boolean
  source: ConsentSource
  /** The text shown next to the checkbox, or the admin's account of how it was given. */
  wording: string
  /** The storefront page it was given on. */
  url: string | null
  /** "customer:cus_…", "guest", "user:user_…" (an admin) or "recipient" (an email's link). */
  recorded_by: string
  given_at: string
  order_id: string | null
  created_at: string
}

export interface SuppressionView {
  id: string
  /** "all" marketing email, or one flow's key. */
  scope: string
  source: SuppressionSource
  reason: string
  created_at: string
  lifted_at: string | null
  lifted_by: string | null
  lift_reason: string | null
}

export interface CustomerConsent {
  email: string | null
  mode: ConsentMode
  status: ConsentStatus
  /** Whether marketing email may go to the customer now. */
  marketing_allowed: boolean
  /** Why not, when it may not. */
  reason: string | null
  /** Newest first. */
  records: ConsentRecordView[]
  suppressions: SuppressionView[]
}

export interface CustomerConsentResponse {
  consent: CustomerConsent
}

/** Consent an admin records: given or withdrawn offline, or from an import. */
export interface RecordConsentBody {
  granted: boolean
  /** How and where it was given, 10 to 2000 characters. */
  wording: string
  source?: AdminConsentSource
  /** When it was given, if not now; never in the future. */
  given_at?: string
}

export interface SuppressionResponse {
  suppression: SuppressionView
}

export interface CustomerPreferencesResponse {
  preferences: {
    customer_id: string
    /** BCP 47, or null when the customer has no preference. */
    locale: string | null
    default_locale: string
    /** The languages the plugin writes, e.g. ["en", "nl", "de", "fr"]. */
    languages: string[]
  }
}

// Copy the admin can edit

/** The five texts of a flow's email an admin can override, per language. */
export const COPY_FIELD_NAMES = ["subject", "preview", "heading", "intro", "button"] as const

export type CopyFieldName = (typeof COPY_FIELD_NAMES)[number]

/** Texts by field; a field left out uses the catalog's text. */
export type CopyFields = Partial<Record<CopyFieldName, string>>

export interface CopyFieldView {
  label: string
  /** The override, or the catalog's text; written with `{{variables}}`. */
  text: string
  overridden: boolean
  /** The catalog's text. */
  default: string
  max_length: number
}

export interface CopyVariableView {
  name: string
  /** How it is written in a text: "{{first_name}}". */
  token: string
  description: string
}

export type CopyVersionAction = "saved" | "reset" | "restored"

/** One version of a flow's copy in one language; never changed afterwards. */
export interface CopyVersionView {
  version: number
  action: CopyVersionAction
  /** The overridden texts of this version; the others used the catalog's. */
  fields: CopyFields
  restored_from: number | null
  /** "user:user_…" */
  created_by: string
  created_at: string
}

export interface FlowCopy {
  flow: string
  locale: string
  language: string
  fields: Record<CopyFieldName, CopyFieldView>
  variables: CopyVariableView[]
  /** Newest first; the newest is the copy in use. */
  versions: CopyVersionView[]
}

export interface FlowCopyResponse {
  copy: FlowCopy
}

/** A preview with unsaved copy in place of the saved copy. */
export interface DraftPreviewBody {
  locale: string
  copy: CopyFields
}

export interface SendTestEmailBody {
  to: string
  locale?: string
  order_id?: string
}

export interface TestEmailResponse {
  test_email: {
    notification_id: string
    to: string
    locale: string
    subject: string
  }
}

// Returns policy

export type { PolicyScope, ReturnPolicyTerms, WithdrawalException }

/** One saved version of a scope's policy. */
export interface ReturnPolicyView {
  id: string
  scope: PolicyScope
  /** The region's or sales channel's id; null for the store's policy. */
  scope_id: string | null
  version: number
  retired: boolean
  terms: ReturnPolicyTerms
  /** Products, tags, types and collections the policy excludes. */
  excluded_count: number
  /** "user:user_…" */
  created_by: string
  created_at: string
}

export interface ReturnPolicyRegion {
  id: string
  name: string
  currency_code: string
  /** Sells to an EU country: the 14-day floor applies. */
  eu: boolean
}

/** `GET /return-policy`: the policies in force, and what an override can be made for. */
export interface ReturnPoliciesResponse {
  /** The store's first, then each override, with its region's or sales channel's name. */
  policies: (ReturnPolicyView & { scope_name: string | null })[]
  regions: ReturnPolicyRegion[]
  sales_channels: { id: string; name: string }[]
  /** The store's currencies. */
  currencies: string[]
}

export interface ReturnPolicyResponse {
  policy: ReturnPolicyView
}

/** A version in a scope's history, with who made it and what it changed. */
export interface ReturnPolicyHistoryEntry extends ReturnPolicyView {
  created_by_email: string | null
  /** The terms' fields that differ from the version before, or ["created"] / ["retired"]. */
  changes: string[]
}

export interface ReturnPolicyVersionsResponse {
  versions: ReturnPolicyHistoryEntry[]
}

/** What `POST /return-policy` takes: the scope and the terms' fields, flat. */
export type SaveReturnPolicyBody = ReturnPolicyTerms & { scope: PolicyScope; scope_id: string | null }

export interface ReturnPolicyPreviewResponse {
  locale: string
  currency_code: string | null
  html: string
}

/** Why an item cannot be sent back (now). */
export type NotReturnableReason = "excluded" | "withdrawal_exception" | "no_policy" | "period_ended"

/** `GET /orders/:id/return-terms`: the order's policy version and its return deadline. */
export interface OrderReturnTermsView {
  order_id: string
  /** The version the order was placed under; null when the shop had none then. */
  policy: { id: string; scope: PolicyScope; scope_id: string | null; version: number } | null
  eu: boolean
  delivered_at: string | null
  delivery_estimated: boolean
  /** YYYY-MM-DD in the shop's time zone; null until the delivery date is known. */
  last_day: string | null
  window_closes_at: string | null
  return_fee: number | null
  currency_code: string
  items: {
    item_id: string
    returnable: boolean
    basis: "policy" | "statutory" | null
    window_days: number | null
    last_day: string | null
    reason: NotReturnableReason | null
    withdrawal_exception: WithdrawalException | null
  }[]
}

export interface OrderReturnTermsResponse {
  return_terms: OrderReturnTermsView
}
