import { MedusaError } from "@medusajs/framework/utils"
import { orderConfirmationFlow } from "./order-confirmation"
import { thankYouFlow } from "./thank-you"
import type { FlowDefinition, FlowTrigger } from "./types"

/** Every flow the plugin runs. A new flow is one more declaration here. */
export const FLOWS: FlowDefinition[] = [orderConfirmationFlow, thankYouFlow]

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

export function flowsFor(trigger: FlowTrigger): FlowDefinition[] {
  return FLOWS.filter((flow) => flow.trigger === trigger)
}

/** The union of the order fields every flow needs; the dispatcher loads a batch's orders once. */
export const DISPATCH_ORDER_FIELDS = [...new Set(FLOWS.flatMap((flow) => flow.orderFields))]

export * from "./types"
export * from "./settings"
