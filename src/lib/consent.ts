import type { FlowDefinition } from "../flows/types"
import { ALL_MARKETING, type MarketingPermission } from "../modules/post-purchase"
import type { PluginOptions } from "../modules/post-purchase/options"

/**
 * Why marketing email may not go to a recipient, or null when it may: a
 * suppression (all marketing, or this flow's), a withdrawn consent, or, in
 * `opt-in` mode, no consent at all. The dispatcher skips with this reason;
 * the admin and the storefront show it.
 */
export function withoutPermission(
  permission: MarketingPermission | undefined,
  mode: PluginOptions["consent"]["mode"],
  flow?: Pick<FlowDefinition, "key" | "label">
): string | null {
  const suppression =
    permission?.suppressed.find((s) => s.scope === ALL_MARKETING) ??
    (flow ? permission?.suppressed.find((s) => s.scope === flow.key) : undefined)
  if (suppression) {
    const what = suppression.scope === ALL_MARKETING ? "all marketing email" : `${flow!.label} emails`
    return `The recipient is on the suppression list for ${what} (since ${day(suppression.since)})`
  }
  if (permission?.consent && !permission.consent.granted) {
    return `The recipient withdrew consent to marketing email (${day(permission.consent.given_at)}, ${permission.consent.source})`
  }
  if (!permission?.consent && mode === "opt-in") {
    return "No consent to marketing email: the shop sends marketing only to recipients who opted in (consent.mode opt-in)"
  }
  return null
}

function day(at: Date): string {
  return at.toISOString().slice(0, 10)
}
