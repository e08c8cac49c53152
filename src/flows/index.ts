import { MedusaError } from "@medusajs/framework/utils"
import { orderConfirmationFlow } from "./order-confirmation"
import { thankYouFlow } from "./thank-you"
import { returnWindowClosingFlow } from "./return-window-closing"
import { withdrawalConfirmationFlow } from "./withdrawal-confirmation"
// reviews: the review request and its one reminder
import { reviewRequestFlow } from "./review-request"
import { reviewReminderFlow } from "./review-reminder"
// reviews and feedback: the NPS survey
import { feedbackSurveyFlow } from "./feedback-survey"
// loyalty: scheduled by the loyalty events, never by order anchors
import { loyaltyPointsEarnedFlow } from "./loyalty-points-earned"
import { loyaltyRewardCodeFlow } from "./loyalty-reward-code"
import { loyaltyPointsExpiringFlow } from "./loyalty-points-expiring"
import { loyaltyTierChangedFlow } from "./loyalty-tier-changed"
import { loyaltyReferralSuccessFlow } from "./loyalty-referral-success"
import type { EffectiveFlowSetting } from "./settings"
import type { FlowAnchor, FlowDefinition, FlowTrigger } from "./types"

/** Every flow the plugin runs. A new flow is one more declaration here. */
export const FLOWS: FlowDefinition[] = [
  orderConfirmationFlow,
  thankYouFlow,
  // returns: a reminder before the order's return window closes (off by default)
  returnWindowClosingFlow,
  // the EU withdrawal function: the acknowledgement, scheduled by the withdrawal workflow, not by order anchors
  withdrawalConfirmationFlow,
  // reviews: a week after delivery, five star links per kept item; one reminder when no review came in
  reviewRequestFlow,
  reviewReminderFlow,
  // reviews and feedback: "how likely are you to recommend us", a few days after delivery
  feedbackSurveyFlow,
  // loyalty: statements about the member's own account, scheduled by the loyalty events (src/subscribers/loyalty-emails.ts)
  loyaltyPointsEarnedFlow,
  loyaltyRewardCodeFlow,
  loyaltyPointsExpiringFlow,
  loyaltyTierChangedFlow,
  loyaltyReferralSuccessFlow,
]

const byKey = new Map(FLOWS.map((flow) => [flow.key, flow]))

export function findFlow(key: string): FlowDefinition | undefined {
  return byKey.get(key)
}

/** The flow, or a 400 that names it and lists the known ones. */
export function requireFlow(key: string): FlowDefinition {
  const flow = byKey.get(key)
  if (!flow) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Unknown flow "${key}". Known flows: ${FLOWS.map((f) => f.key).join(", ")}`
    )
  }
  return flow
}

/** What schedules the flow: the order's anchors, or a workflow of the plugin. */
export function triggerOf(flow: FlowDefinition): FlowTrigger {
  return flow.trigger ?? "anchor"
}

type SettingOf = (flow: FlowDefinition) => EffectiveFlowSetting

/** The flow a reminder follows (`follows`). */
export function leadOf(flow: FlowDefinition): FlowDefinition | undefined {
  return flow.follows ? byKey.get(flow.follows) : undefined
}

/** Whether the flow's emails go out: it is on, and so is the flow it is a reminder of. */
export function flowIsOn(flow: FlowDefinition, settingOf: SettingOf): boolean {
  const lead = leadOf(flow)
  return settingOf(flow).enabled && (!lead || settingOf(lead).enabled)
}

/** What the flow's delay counts from: its own anchor, or that of the flow it is a reminder of. */
export function anchorOf(flow: FlowDefinition, settingOf: SettingOf): FlowAnchor {
  const lead = leadOf(flow)
  return lead ? settingOf(lead).anchor : settingOf(flow).anchor
}

/** From the anchor to the email: the flow's delay, after that of the flow it is a reminder of. */
export function delayAfterAnchor(flow: FlowDefinition, settingOf: SettingOf): number {
  const lead = leadOf(flow)
  return settingOf(flow).delay_seconds + (lead ? settingOf(lead).delay_seconds : 0)
}

/** The flows that are on and count from `anchor`, by their current settings; flows another trigger schedules are left out. */
export function flowsAnchoredOn(anchor: FlowAnchor, settingOf: SettingOf): FlowDefinition[] {
  return FLOWS.filter((flow) => triggerOf(flow) === "anchor" && flowIsOn(flow, settingOf) && anchorOf(flow, settingOf) === anchor)
}

/** The union of the order fields every flow needs; the dispatcher loads a batch's orders once. */
export const DISPATCH_ORDER_FIELDS = [...new Set(FLOWS.flatMap((flow) => flow.orderFields))]

export * from "./types"
export * from "./settings"
export * from "./copy"
export * from "./render"
export * from "./timing"
