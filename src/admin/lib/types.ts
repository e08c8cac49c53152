/** Response shapes of the plugin's admin API (`/admin/post-purchase/*`). */

export type FlowCategory = "transactional" | "marketing"

export type FlowTrigger = "order.placed"

export interface FlowView {
  key: string
  label: string
  description: string
  category: FlowCategory
  trigger: FlowTrigger
  enabled: boolean
  delay_seconds: number
  default_enabled: boolean
  default_delay_seconds: number
}

export interface FlowUpdate {
  enabled?: boolean
  delay_seconds?: number
}

export interface FlowPreview {
  subject: string
  html: string
  text: string
}

export type FollowupStatus =
  | "scheduled"
  | "sending"
  | "sent"
  | "failed"
  | "canceled"
  | "skipped"

export interface FollowupView {
  id: string
  flow: string
  flow_label: string
  status: FollowupStatus
  email: string
  send_at: string
  sent_at: string | null
  attempts: number
  last_error: string | null
  status_reason: string | null
  provider_message_id: string | null
  created_at: string
}

export interface FlowListResponse {
  flows: FlowView[]
}

export interface FlowResponse {
  flow: FlowView
}

export interface FollowupListResponse {
  followups: FollowupView[]
  count: number
}

export interface FollowupResponse {
  followup: FollowupView
}
