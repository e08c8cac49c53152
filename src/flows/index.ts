import { MedusaError } from "@medusajs/framework/utils"
import { orderConfirmationFlow } from "./order-confirmation"
import { thankYouFlow } from "./thank-you"
import { returnWindowClosingFlow } from "./return-window-closing"
import { withdrawalConfirmationFlow } from "./withdrawal-confirmation"
// reviews and feedback: the NPS survey
import { feedbackSurveyFlow } from "./feedback-survey"
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
  // reviews and feedback: "how likely are you to recommend us", a few days after delivery
  feedbackSurveyFlow,
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

/** The enabled flows whose delay counts from `anchor`, by their current settings; flows another trigger schedules are left out. */
export function flowsAnchoredOn(
  anchor: FlowAnchor,
  settingOf: (flow: FlowDefinition) => EffectiveFlowSetting
): FlowDefinition[] {
  return FLOWS.filter((flow) => triggerOf(flow) === "anchor" && settingOf(flow).enabled && settingOf(flow).anchor === anchor)
}

/** The union of the order fields every flow needs; the dispatcher loads a batch's orders once. */
export const DISPATCH_ORDER_FIELDS = [...new Set(FLOWS.flatMap((flow) => flow.orderFields))]

export * from "./types"
export * from "./settings"
export * from "./copy"
export * from "./render"
export * from "./timing"
