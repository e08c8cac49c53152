import type { InferTypeOf } from "@medusajs/framework/types"
import type { Followup } from "./models/followup"
import type { FlowSetting } from "./models/flow-setting"

export type FollowupDTO = InferTypeOf<typeof Followup>
export type FlowSettingDTO = InferTypeOf<typeof FlowSetting>
export type FollowupStatus = FollowupDTO["status"]

/** What scheduling writes; the rest of a follow-up starts at its defaults. */
export type NewFollowup = Pick<
  FollowupDTO,
  "flow" | "step" | "order_id" | "customer_id" | "email" | "anchor_event" | "anchor_at" | "send_at" | "idempotency_key"
> & { metadata?: Record<string, unknown> | null }

/** A follow-up as the claim returns it: a raw row, now `sending` under a lease. */
export type ClaimedFollowup = Omit<FollowupDTO, "metadata"> & {
  metadata: Record<string, unknown> | null
}

/** Who holds a `sending` follow-up: the lease its claim set. */
export type FollowupLease = { id: string; locked_until: Date | string }
