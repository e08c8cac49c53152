import fs from "fs"
import os from "os"
import path from "path"
import type { MedusaContainer } from "@medusajs/framework/types"
import { POST_PURCHASE_MODULE } from "../../src/modules/post-purchase"
import { seedStore, type SeededStore } from "../../scripts/fixtures/store"
import type { PluginOptions } from "../../src/modules/post-purchase/options"
import type PostPurchaseModuleService from "../../src/modules/post-purchase/service"
import { dispatchDueFollowupsWorkflow } from "../../src/workflows/dispatch-due-followups"
import { adminHeaders } from "./admin"

export const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The test app's environment, set before it boots: emails go to a fresh
 * mailbox folder (returned), and the dispatcher and the reconciliation run
 * only when a test runs them.
 */
export function testAppEnv({ sendgridApiKey = "" }: { sendgridApiKey?: string } = {}): string {
  const mailbox = fs.mkdtempSync(path.join(os.tmpdir(), "pp-mailbox-"))
  process.env.PP_MAILBOX_DIR = mailbox
  process.env.PP_DISPATCH_INTERVAL_MS = String(DAY_MS)
  process.env.PP_RECONCILE_INTERVAL_MS = String(DAY_MS)
  // empty, not deleted: loadEnv() in medusa-config.ts would bring back a key from a developer's .env
  process.env.SENDGRID_API_KEY = sendgridApiKey
  return mailbox
}

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

/** The emails in a mailbox folder, each with its flow, html, text and the provider's metadata (to, subject, headers). */
export function readMailbox(directory: string) {
  if (!fs.existsSync(directory)) {
    return []
  }
  return fs
    .readdirSync(directory)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const stem = file.slice(0, -".json".length)
      const read = (ext: string) => fs.readFileSync(path.join(directory, `${stem}.${ext}`), "utf8")
      const meta = JSON.parse(read("json"))
      return { stem, flow: meta.data.flow as string, meta, html: read("html"), text: read("txt") }
    })
}

/**
 * What every test starts from: an empty mailbox, the seeded store, an admin,
 * and `options` (by default timing off) until `restorePluginOptions()`.
 */
export async function freshTestStore(
  container: MedusaContainer,
  { mailbox, options = TIMING_OFF }: { mailbox?: string; options?: OptionsPatch } = {}
): Promise<{ store: SeededStore; admin: { headers: Record<string, string> } }> {
  if (mailbox) {
    fs.rmSync(mailbox, { recursive: true, force: true })
  }
  const store = await seedStore(container)
  const admin = await adminHeaders(container)
  setPluginOptions(container, options)
  return { store, admin }
}
