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
  let longest = providers.length ? 0 : DEFAULTS.assumedProviderTimeoutMs
  for (const provider of providers) {
    const own = typeof provider.resolve === "string" ? provider.resolve.match(OWN_PROVIDER)?.[1] : undefined
    if (own === "mailbox") {
      longest = Math.max(longest, DEFAULTS.mailboxSendMs)
      continue
    }
    if (own !== "sendgrid") {
      longest = Math.max(longest, DEFAULTS.assumedProviderTimeoutMs)
      continue
    }
    const sendMs = sendgridLongestSendMs(provider.options ?? {})
    if (options.dispatch.leaseSeconds * 1000 < 2 * sendMs) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-post-purchase: invalid option "dispatch.leaseSeconds": ${options.dispatch.leaseSeconds} s is too short ` +
          `for the SendGrid provider "${provider.id ?? "sendgrid"}", whose "connectTimeoutMs" and "timeoutMs" let one send take ` +
          `${sendMs / 1000} s. Set "dispatch.leaseSeconds" to at least ${Math.ceil((2 * sendMs) / 1000)} s, or lower those timeouts.`
      )
    }
    longest = Math.max(longest, sendMs)
  }
  return longest
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
