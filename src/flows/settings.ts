import type { PluginOptions } from "../modules/post-purchase/options"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import type { FlowSettingDTO } from "../modules/post-purchase/types"
import type { FlowAnchor, FlowDefinition } from "./types"

export interface EffectiveFlowSetting {
  enabled: boolean
  delay_seconds: number
  anchor: FlowAnchor
  default_enabled: boolean
  default_delay_seconds: number
  default_anchor: FlowAnchor
}

/**
 * What a flow does now: an admin's change wins over the plugin options, which
 * win over the flow's declaration. A transactional flow keeps its declared
 * anchor: a receipt is due when the order is placed, whatever anyone sets.
 * So does a flow with its own timing (`dueAt`), which reads its anchor as
 * the thing it is timed from (a delivery, for the return window).
 */
export function effectiveFlowSetting(
  flow: FlowDefinition,
  options: PluginOptions,
  saved: Pick<FlowSettingDTO, "flow" | "enabled" | "delay_seconds" | "anchor">[]
): EffectiveFlowSetting {
  const configured = options.flows[flow.key] ?? {}
  const fixedAnchor = hasFixedAnchor(flow)
  const default_enabled = configured.enabled ?? flow.defaultEnabled
  const default_delay_seconds = configured.delaySeconds ?? flow.defaultDelaySeconds
  const default_anchor = fixedAnchor ? flow.anchor : configured.anchor ?? flow.anchor
  const row = saved.find((setting) => setting.flow === flow.key)
  const savedAnchor = fixedAnchor ? null : (row?.anchor as FlowAnchor | null | undefined)
  return {
    enabled: row?.enabled ?? default_enabled,
    delay_seconds: row?.delay_seconds ?? default_delay_seconds,
    anchor: savedAnchor ?? default_anchor,
    default_enabled,
    default_delay_seconds,
    default_anchor,
  }
}

/** Whether nobody can change what the flow counts from: a transactional flow, one with its own timing, or a reminder (it counts from the flow it follows). */
export function hasFixedAnchor(flow: FlowDefinition): boolean {
  return flow.category === "transactional" || !!flow.dueAt || !!flow.follows
}

/** Loads the saved settings once and answers, per flow, what it does now. */
export async function loadFlowSettings(
  service: PostPurchaseModuleService
): Promise<(flow: FlowDefinition) => EffectiveFlowSetting> {
  const options = service.getOptions()
  const saved = await service.listFlowSettings({}, { select: ["flow", "enabled", "delay_seconds", "anchor"] })
  return (flow) => effectiveFlowSetting(flow, options, saved)
}
