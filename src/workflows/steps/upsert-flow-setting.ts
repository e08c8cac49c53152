import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { effectiveFlowSetting, requireFlow, triggerOf, type FlowAnchor, type FlowDefinition } from "../../flows"
import { POST_PURCHASE_MODULE, type FlowSettingDTO } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type UpsertFlowSettingStepInput = {
  flow: string
  enabled?: boolean
  delay_seconds?: number
  anchor?: FlowAnchor
}

type Compensation = {
  created?: string
  previous?: Pick<FlowSettingDTO, "id" | "enabled" | "delay_seconds" | "anchor">
}

export const upsertFlowSettingStepId = "pp-upsert-flow-setting"

/** Saves an admin's change to a flow: on/off, delay, and what a marketing flow's delay counts from. */
export const upsertFlowSettingStep = createStep(
  upsertFlowSettingStepId,
  async (input: UpsertFlowSettingStepInput, { container }) => {
    const flow = requireFlow(input.flow)
    if (input.anchor && flow.category === "transactional" && input.anchor !== flow.anchor) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `anchor: "${flow.key}" is transactional, so it always counts from "${flow.anchor}"`
      )
    }
    if (input.anchor && flow.follows) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `anchor: "${flow.key}" is a reminder of "${flow.follows}" and counts from when that one is due; change the anchor of "${flow.follows}"`
      )
    }
    if (input.delay_seconds && triggerOf(flow) !== "anchor") {
      // an acknowledgement is due as soon as what it acknowledges happened
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `delay_seconds: "${flow.key}" is sent as soon as its ${triggerOf(flow)} is recorded, so it takes no delay`
      )
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    // a flow with its own timing has no delay to set, and always counts from its own anchor
    if (flow.dueAt && input.delay_seconds !== undefined) {
      const rule = flow.describeDueAt ? ` (${flow.describeDueAt(service.getOptions())})` : ""
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `delay_seconds: "${flow.key}" is timed by its own rule${rule}, not by a delay`)
    }
    if (flow.dueAt && input.anchor && input.anchor !== flow.anchor) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `anchor: "${flow.key}" always counts from "${flow.anchor}"`)
    }
    return await saveFlowSetting(service, flow, input, true)
  },
  async (compensation, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    if (compensation?.created) {
      await service.deleteFlowSettings(compensation.created)
    } else if (compensation?.previous) {
      await service.updateFlowSettings(compensation.previous)
    }
  },
)

async function saveFlowSetting(
  service: PostPurchaseModuleService,
  flow: FlowDefinition,
  input: UpsertFlowSettingStepInput,
  mayRetry: boolean,
): Promise<StepResponse<FlowSettingDTO, Compensation>> {
  const [existing] = await service.listFlowSettings({ flow: flow.key })
  const current = effectiveFlowSetting(flow, service.getOptions(), existing ? [existing] : [])
  const values = {
    enabled: input.enabled ?? current.enabled,
    delay_seconds: input.delay_seconds ?? current.delay_seconds,
    // stored only once an admin chooses it, so the options' default still applies until then
    anchor: input.anchor ?? existing?.anchor ?? null,
  }

  if (existing) {
    const updated = await service.updateFlowSettings({ id: existing.id, ...values })
    return new StepResponse<FlowSettingDTO, Compensation>(updated, {
      previous: { id: existing.id, enabled: existing.enabled, delay_seconds: existing.delay_seconds, anchor: existing.anchor },
    })
  }
  try {
    const created = await service.createFlowSettings({ flow: flow.key, ...values })
    return new StepResponse<FlowSettingDTO, Compensation>(created, { created: created.id })
  } catch (e) {
    // a concurrent first save created the row: save again as an update
    if (mayRetry && (await service.listFlowSettings({ flow: flow.key })).length) {
      return await saveFlowSetting(service, flow, input, false)
    }
    throw e
  }
}
