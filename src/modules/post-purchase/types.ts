import type { InferTypeOf } from "@medusajs/framework/types"
import type { Followup } from "./models/followup"
import type { ConsentRecord } from "./models/consent-record"
import type { FlowSetting } from "./models/flow-setting"
import type { Suppression } from "./models/suppression"
import type { OrderAnchor } from "./models/order-anchor"
import type { ReturnedItem } from "./models/returned-item"
import type { CopyVersion } from "./models/copy-version"
import type { Withdrawal } from "./models/withdrawal"
import type { SurveyAnswer } from "./models/survey-answer"

export type FollowupDTO = InferTypeOf<typeof Followup>
export type FlowSettingDTO = InferTypeOf<typeof FlowSetting>
export type OrderAnchorDTO = InferTypeOf<typeof OrderAnchor>
export type ReturnedItemDTO = InferTypeOf<typeof ReturnedItem>
export type ConsentRecordDTO = InferTypeOf<typeof ConsentRecord>
export type SuppressionDTO = InferTypeOf<typeof Suppression>
export type CopyVersionDTO = Omit<InferTypeOf<typeof CopyVersion>, "fields"> & { fields: Partial<Record<string, string>> }
export type CopyVersionAction = CopyVersionDTO["action"]
export type FollowupStatus = FollowupDTO["status"]
export type OrderAnchorKind = OrderAnchorDTO["anchor"]

/** What scheduling writes; the rest of a follow-up starts at its defaults. */
export type NewFollowup = Pick<
  FollowupDTO,
  "flow" | "step" | "order_id" | "customer_id" | "email" | "anchor_event" | "anchor_at" | "send_at" | "idempotency_key"
> & { locale?: string | null; metadata?: Record<string, unknown> | null }

/** A follow-up as the claim returns it: a raw row, now `sending` under a lease. */
export type ClaimedFollowup = Omit<FollowupDTO, "metadata"> & {
  metadata: Record<string, unknown> | null
  /** `scheduled` when it was due; `sending` when its earlier worker's lease ran out before it recorded an outcome. */
  claimed_from: "scheduled" | "sending"
}

/** Who holds a `sending` follow-up: the lease its claim set. */
export type FollowupLease = { id: string; locked_until: Date | string }

export type NewReturnedItem = Pick<
  ReturnedItemDTO,
  "order_id" | "return_id" | "line_item_id" | "requested_quantity" | "received_quantity"
>

export type NewOrderAnchor = Pick<OrderAnchorDTO, "order_id" | "anchor" | "source"> & { occurred_at: Date | string }


/** Follow-ups held up by a configuration error, as the admin's banner shows them. */
export type DeliveryProblem = {
  kind: "configuration"
  /** The provider's latest message, e.g. "SendGrid 401: …". */
  cause: string
  waiting: number
  since: Date
  /** After this the follow-ups fail (`dispatch.configErrorRetryHours`). */
  retry_until: Date
}

/** A consent statement to record; the email is lower-cased when written. */
export type NewConsentRecord = Pick<
  ConsentRecordDTO,
  "email" | "customer_id" | "cart_id" | "order_id" | "granted" | "source" | "wording" | "url" | "recorded_by"
> & { given_at?: Date | string }

/** What a save, reset or restore of a flow's copy writes; the version number is the next one. */
export type NewCopyVersion = {
  flow: string
  language: string
  fields: Partial<Record<string, string>>
  action: CopyVersionAction
  restored_from?: number | null
  created_by: string
}

/** A withdrawal as the module stores it; `items` is what the customer withdrew. */
export type WithdrawalDTO = Omit<InferTypeOf<typeof Withdrawal>, "items"> & { items: WithdrawnItem[] }
export type WithdrawalChannel = WithdrawalDTO["channel"]
/** One line of a withdrawal: the order's line item, how many, and its title as the order had it. */
export type WithdrawnItem = { line_item_id: string; quantity: number; title: string }

// the feedback survey
export type SurveyAnswerDTO = InferTypeOf<typeof SurveyAnswer>
/** An answer as the survey's form or the Store API takes it; `answered_at` defaults to now. */
export type NewSurveyAnswer = {
  order_id: string
  customer_id: string | null
  email: string
  score: number
  comment: string | null
  improvement: string | null
  locale: string | null
  answered_at?: Date
}
/** The answers of a period in the NPS's three groups; `score` is null without answers. */
export type NpsSummary = { score: number | null; promoters: number; passives: number; detractors: number; total: number }
