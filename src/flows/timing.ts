import type { FlowDefinition, FlowTiming } from "./types"

/**
 * When a follow-up of `flow` is due: by the flow's own rule when it has one
 * (null: nothing to send), else its delay after the anchor.
 */
export function followupDueAt(flow: FlowDefinition, delaySeconds: number, timing: FlowTiming): Date | null {
  return flow.dueAt ? flow.dueAt(timing) : new Date(timing.anchorAt.getTime() + delaySeconds * 1000)
}

/** The flows among `flows` whose timing reads the order's return terms. */
export function flowsTimedByReturnTerms(flows: FlowDefinition[]): FlowDefinition[] {
  return flows.filter((flow) => flow.dueAt && flow.needsReturnTerms)
}
