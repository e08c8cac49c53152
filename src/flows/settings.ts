import type { PluginOptions } from "../modules/post-purchase/options"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import type { FlowSettingDTO } from "../modules/post-purchase/types"
import type { FlowDefinition } from "./types"

export interface EffectiveFlowSetting {
  enabled: boolean
  delay_seconds: number
  default_enabled: boolean
  default_delay_seconds: number
}

/**
 * What a flow does now: an admin's change wins over the plugin options, which
 * win over the flow's declaration.
 */
export function effectiveFlowSetting(
  flow: FlowDefinition,
  options: PluginOptions,
  saved: Pick<FlowSettingDTO, "flow" | "enabled" | "delay_seconds">[]
): EffectiveFlowSetting {
  const configured = options.flows[flow.key] ?? {}
  const default_enabled = configured.enabled ?? flow.defaultEnabled
  const default_delay_seconds = configured.delaySeconds ?? flow.defaultDelaySeconds
  const row = saved.find((setting) => setting.flow === flow.key)
  return {
    enabled: row?.enabled ?? default_enabled,
    delay_seconds: row?.delay_seconds ?? default_delay_seconds,
    default_enabled,
    default_delay_seconds,
  }
}

/** Loads the saved settings once and answers, per flow, what it does now. */
export async function loadFlowSettings(
  service: PostPurchaseModuleService
): Promise<(flow: FlowDefinition) => EffectiveFlowSetting> {
  const options = service.getOptions()
  const saved = await service.listFlowSettings({}, { select: ["flow", "enabled", "delay_seconds"] })
  return (flow) => effectiveFlowSetting(flow, options, saved)
}
