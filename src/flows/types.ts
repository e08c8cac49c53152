import type { ReactElement } from "react"
import type { PluginOptions } from "../modules/post-purchase/options"
import type { OrderAnchorKind } from "../modules/post-purchase/types"
import type { BrandProps } from "../emails/types"
import type { Translator } from "../i18n"
import type { EditableCopy } from "./copy"
import type { OrderReturnTerms } from "../lib/return-terms"
import type { SigningKey } from "../lib/signed-link"

/**
 * What a flow's delay counts from: the order's placement, its first shipment,
 * or its delivery (reported, or estimated from the shipment when the shop
 * never reports deliveries).
 */
export type FlowAnchor = OrderAnchorKind

export const FLOW_ANCHORS: readonly FlowAnchor[] = ["placed", "shipped", "delivered"]

/**
 * Transactional email (confirmation, receipts) is sent to every buyer;
 * marketing email needs consent and carries an unsubscribe link.
 */
export type FlowCategory = "transactional" | "marketing"

/** The order, loaded once per dispatcher batch with the union of every flow's `orderFields`. */
export type LoadedOrder = Record<string, any> & { id: string; status: string; email: string | null }

/** The customer an account flow's follow-up is about, loaded once per dispatcher batch. */
export type LoadedCustomer = { id: string; email: string; first_name: string | null; last_name: string | null }

/**
 * What a follow-up is about: an order (its confirmation, its review request),
 * or the customer's account, with no order (a loyalty reward code, a tier
 * change). An account follow-up has no order id and no order checks at send time.
 */
export type FlowSubject = "order" | "account"

export interface FlowContext {
  /** The order, for a flow about an order; none for an account flow. */
  order?: LoadedOrder
  /** The customer, for an account flow. */
  customer?: LoadedCustomer
  options: PluginOptions
  brand: BrandProps
  /** The follow-up's language. */
  i18n: Translator
  /** The order's return terms (policy version, deadline), for flows that declare `needsReturnTerms`. */
  returnTerms?: OrderReturnTerms
  /**
   * The follow-up being sent: its language as stored, and the data the
   * workflow that created it carried (a withdrawal's items and time, for
   * flows with a `trigger`). None in previews and test emails.
   */
  followup?: { locale: string | null; metadata: Record<string, unknown> | null }
  /** The keys that sign the links an email carries (the withdrawal link). */
  signingKeys?: SigningKey[]
  /** A preview or test email with a real order: its links act on nothing, since it goes to someone else than the buyer. */
  preview?: boolean
  /** When the email is rendered: links are signed from then. */
  now?: Date
}

/** What a flow with its own timing (`dueAt`) is timed from. */
export interface FlowTiming {
  /** When the anchor happened: the delivery (reported or estimated), the shipment, the placement. */
  anchorAt: Date
  /** The anchor is a delivery estimated from the shipment, not reported. */
  estimated: boolean
  /** The order's return terms, for flows that declare `needsReturnTerms`. */
  returnTerms?: OrderReturnTerms
  options: PluginOptions
  now: Date
}

/** The order as it stands when its email is due. */
export interface FlowSendCheck {
  order: LoadedOrder
  /** Its return terms as of now, for flows that declare `needsReturnTerms`. */
  returnTerms?: OrderReturnTerms
  now: Date
}

/**
 * What schedules a flow's follow-ups: the order's anchors (placed, shipped,
 * delivered) plus the flow's delay, or a workflow of the plugin when
 * something happens to the order, which creates the follow-up itself with
 * what the email needs on its metadata: `withdrawal`, the customer withdrew
 * (the acknowledgement, due at once); `loyalty`, the loyalty events (points
 * confirmed, a reward redeemed, a tier change, points about to expire, a
 * referral that came through).
 */
export type FlowTrigger = "anchor" | "withdrawal" | "loyalty"

/**
 * One declaration per email flow, in the spirit of Vendure's EmailEventListener:
 * scheduling, sending, the admin list, previews and tests all derive from it.
 */
export interface FlowDefinition<Props = any> {
  /** Stable id, stored on every follow-up and in the flow settings. */
  key: string
  /** Name and one-line purpose shown in the admin; a function when it depends on the plugin options. */
  label: string
  description: string | ((options: PluginOptions) => string)
  category: FlowCategory
  /** What its follow-ups are about; `order` unless declared otherwise. */
  about?: FlowSubject
  /** What the delay counts from; admins can change it for marketing flows. Ignored for a flow with a `trigger`. */
  anchor: FlowAnchor
  /** What schedules it; `anchor` unless declared otherwise. Anchors never schedule a flow with another trigger. */
  trigger?: FlowTrigger
  /**
   * The key of the flow this one is a reminder of: it counts from that
   * flow's anchor, its delay runs from when that flow is due, and it goes
   * out only while that flow is on. Its own anchor is ignored.
   */
  follows?: string
  /**
   * Never sent before the order counts as delivered (reported, or estimated
   * from the last shipment): for anything that offers an incentive or asks
   * about the product. Marketing flows only.
   */
  notBeforeDelivery?: boolean
  /** How long after the anchor the email is due; admins can change it. */
  defaultDelaySeconds: number
  /**
   * When the email is due, for a flow timed by the order itself rather than
   * by a delay after its anchor (its delay and anchor are then fixed):
   * scheduling and the re-timing of an estimated delivery both ask it. Null
   * means there is nothing to send.
   */
  dueAt?: (timing: FlowTiming) => Date | null
  /** `dueAt`, or what a `trigger` schedules it on, in words, for the admin's list, e.g. "3 days before the last day to return, at 09:00". */
  describeDueAt?: (options: PluginOptions) => string
  /**
   * Looked at again when the email is due, as the order stands then: why it
   * should not go out after all (skipped with that reason), or null.
   */
  skipAtSend?: (check: FlowSendCheck) => string | null
  /** Flows are on unless declared otherwise; admins can switch them. */
  defaultEnabled: boolean
  /** Loads the order's return terms (its policy version, what can go back, until when) into the context. */
  needsReturnTerms?: boolean
  /** query.graph fields of the order this flow's props need. */
  orderFields: string[]
  /** Builds the template's props from the loaded order. */
  buildProps: (context: FlowContext) => Props
  /** Props for previews in the admin, with the shop's own brand filled in, in the language asked for. */
  previewProps: (brand: BrandProps, options: PluginOptions, i18n: Translator) => Props
  /**
   * The catalog message each text an admin can override replaces (subject,
   * preview, heading, intro, button), in every language.
   */
  editableCopy: EditableCopy
  /** The subject line, from the catalogs like every other text. */
  subject: (props: Props) => string
  template: (props: Props) => ReactElement
}

/** The order of an order flow's context; a flow about an order is never built without one. */
export function orderOf(context: FlowContext): LoadedOrder {
  if (!context.order) {
    throw new Error("This email is about an order, and none was loaded for it")
  }
  return context.order
}

/** The customer of an account flow's context; an account flow is never built without one. */
export function customerOf(context: FlowContext): LoadedCustomer {
  if (!context.customer) {
    throw new Error("This email is about a customer's account, and no customer was loaded for it")
  }
  return context.customer
}
