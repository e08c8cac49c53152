import type { MedusaContainer } from "@medusajs/framework/types"
import { POST_PURCHASE_MODULE } from "../../src/modules/post-purchase"
import type { PluginOptions } from "../../src/modules/post-purchase/options"
import type PostPurchaseModuleService from "../../src/modules/post-purchase/service"
import { dispatchDueFollowupsWorkflow } from "../../src/workflows/dispatch-due-followups"

export const DAY_MS = 24 * 60 * 60 * 1000

export function followupService(container: MedusaContainer): PostPurchaseModuleService {
  return container.resolve(POST_PURCHASE_MODULE)
}

/** Subscribers run after the event bus delivers; wait until they have done their part. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value) {
      return value
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

/** The order's follow-ups by flow key, once `count` of them exist. */
export async function followupsOf(container: MedusaContainer, orderId: string, count: number) {
  const rows = await waitFor(async () => {
    const found = await followupService(container).listFollowups({ order_id: orderId })
    return found.length >= count && found
  }, `${count} follow-ups of ${orderId}`)
  return Object.fromEntries(rows.map((row) => [row.flow, row]))
}

/** One run of the real dispatcher: on the database's clock, or with its clock at `now`. */
export async function dispatch(container: MedusaContainer, now?: Date) {
  const { result } = await dispatchDueFollowupsWorkflow(container).run({ input: now ? { now: now.toISOString() } : {} })
  return result
}

type OptionsPatch = { [Section in keyof PluginOptions]?: PluginOptions[Section] extends Record<string, any> ? Partial<PluginOptions[Section]> : PluginOptions[Section] }

const restores: (() => void)[] = []

/**
 * Changes the running app's plugin options for one test; the plugin reads them
 * live. `restorePluginOptions()` in an `afterEach` puts them back.
 */
export function setPluginOptions(container: MedusaContainer, patch: OptionsPatch) {
  const options = followupService(container).getOptions() as Record<string, any>
  for (const [section, values] of Object.entries(patch)) {
    const before = options[section]
    const isSection = values && typeof values === "object" && !Array.isArray(values)
    options[section] = isSection ? { ...before, ...values } : values
    restores.push(() => (options[section] = before))
  }
}

export function restorePluginOptions() {
  while (restores.length) {
    restores.pop()!()
  }
}

/**
 * For tests whose subject is not timing: no quiet hours, no frequency cap, so
 * a marketing email is due when its delay says, whatever the time of day and
 * however many the test's customer got before.
 */
export const TIMING_OFF: OptionsPatch = { quietHours: { enabled: false }, frequencyCap: { enabled: false } }
