import { configManager } from "@medusajs/framework/config"
import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULTS } from "../../lib/defaults"
import { longestSendMs as sendgridLongestSendMs } from "../../providers/sendgrid/service"
import type { PluginOptions } from "./options"

type ProviderConfig = { resolve?: unknown; id?: string; options?: Record<string, unknown> }

/** The plugin's own providers, however the app refers to them (`…/providers/sendgrid`, `./src/providers/sendgrid`). */
const OWN_PROVIDER = /(?:^|[/\\])providers[/\\](sendgrid|mailbox)(?:[/\\]index(?:\.[cm]?[jt]s)?)?$/

/**
 * How long one send can take at most, over the providers on the plugin's
 * channel, and a boot-time refusal of a lease too short for it: a worker must
 * be able to send a chunk and record its outcome before another worker may
 * take the same follow-ups. Read from the app's config, since the providers
 * belong to the Notification Module.
 */
export function longestSendMs(options: PluginOptions, providers = channelProviders(options.channel)): number {
  const sends = providers.length ? providers.map(sendTimeOf) : [{ ms: DEFAULTS.assumedProviderTimeoutMs, reason: null }]
  const leaseMs = options.dispatch.leaseSeconds * 1000
  for (const { ms, reason } of sends) {
    if (reason && leaseMs < 2 * ms) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-post-purchase: invalid option "dispatch.leaseSeconds": ${options.dispatch.leaseSeconds} s is too short ` +
          `for ${reason}. Set "dispatch.leaseSeconds" to at least ${Math.ceil((2 * ms) / 1000)} s.`
      )
    }
  }
  return Math.max(...sends.map((send) => send.ms))
}

/** How long one send through a provider may take, and how to explain it when the lease is too short. */
function sendTimeOf(provider: ProviderConfig): { ms: number; reason: string | null } {
  const own = typeof provider.resolve === "string" ? provider.resolve.match(OWN_PROVIDER)?.[1] : undefined
  const id = provider.id ?? String(provider.resolve)
  if (own === "mailbox") {
    return { ms: DEFAULTS.mailboxSendMs, reason: `the mailbox provider "${id}"` }
  }
  if (own === "sendgrid") {
    const ms = sendgridLongestSendMs(provider.options ?? {})
    return {
      ms,
      reason: `the SendGrid provider "${id}", whose "connectTimeoutMs" and "timeoutMs" let one send take up to ${ms / 1000} s (or lower those timeouts)`,
    }
  }
  return {
    ms: DEFAULTS.assumedProviderTimeoutMs,
    reason: `the provider "${id}", whose timeout the plugin cannot know, so it allows ${DEFAULTS.assumedProviderTimeoutMs / 1000} s per send`,
  }
}

/** The Notification Module providers that serve `channel`, as the app's medusa-config declares them. */
function channelProviders(channel: string): ProviderConfig[] {
  // outside a Medusa app (module tests) no config is loaded
  if (!configManager.baseDir) {
    return []
  }
  const modules = Object.values((configManager.config.modules ?? {}) as Record<string, unknown>)
  return modules.flatMap((module) => {
    const providers = (module as { options?: { providers?: unknown } } | undefined)?.options?.providers
    return Array.isArray(providers)
      ? (providers as ProviderConfig[]).filter((provider) =>
          (provider.options?.channels as string[] | undefined)?.includes(channel)
        )
      : []
  })
}
