import type { MedusaContainer } from "@medusajs/framework/types"
import { DISPATCH_CRON } from "../lib/defaults"
import { POST_PURCHASE_MODULE } from "../modules/post-purchase"
import type PostPurchaseModuleService from "../modules/post-purchase/service"
import { dispatchDueFollowupsWorkflow } from "../workflows/dispatch-due-followups"

/** Stop taking new batches after this long, so one tick never runs into the next. */
const TICK_BUDGET_MS = 45_000

/** Sends every due follow-up, one batch per workflow run, until none are left. */
export default async function dispatchDueFollowupsJob(container: MedusaContainer) {
  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const { batchSize } = service.getOptions().dispatch
  const started = Date.now()
  let result
  do {
    ;({ result } = await dispatchDueFollowupsWorkflow(container).run({ input: {} }))
    // a provider that rate-limits or refuses the set-up would refuse the next batch too, and a batch
    // whose lease ran short gave rows back: the next tick takes them
  } while (result.claimed >= batchSize && !result.halted && !result.deferred && Date.now() - started < TICK_BUDGET_MS)
}

const intervalMs = Number(process.env.PP_DISPATCH_INTERVAL_MS)

export const config = {
  name: "pp-dispatch-due-followups",
  // the demo ticks every few seconds and the tests tick by hand; shops keep the minute
  schedule: intervalMs > 0 ? { interval: intervalMs } : DISPATCH_CRON,
}
