import type { ConsentMode, ConsentSource, ConsentStatus, SuppressionSource, SuppressionView } from "./types"

/** The suppression scope that stops every marketing email, not one flow's. */
export const ALL_MARKETING = "all"

export const CONSENT_MODES: Record<ConsentMode, { label: string; description: string }> = {
  "opt-in": {
    label: "Opt-in",
    description: "Marketing email goes only to customers who agreed to it.",
  },
  "soft-opt-in": {
    label: "Soft opt-in",
    description: "Marketing email goes to existing customers until they object.",
  },
}

export const CONSENT_STATUSES: Record<ConsentStatus, { label: string; color: "green" | "red" | "grey" }> = {
  granted: { label: "Granted", color: "green" },
  withdrawn: { label: "Withdrawn", color: "red" },
  none: { label: "None", color: "grey" },
}

export const CONSENT_SOURCES: Record<ConsentSource, string> = {
  checkout: "Checkout",
  account: "Customer account",
  admin: "Admin",
  import: "Import",
  unsubscribe: "Unsubscribe link",
}

export const SUPPRESSION_SOURCES: Record<SuppressionSource, string> = {
  unsubscribe: "Unsubscribe link",
  withdrawal: "Consent withdrawn",
  admin: "Admin",
}

/** "All marketing email", or the flow's name when the flows are known (its key otherwise). */
export const suppressionScopeLabel = (suppression: SuppressionView, flowLabels: Map<string, string>) =>
  suppression.scope === ALL_MARKETING ? "All marketing email" : flowLabels.get(suppression.scope) ?? suppression.scope

/** The admin ids in "user:user_…" actors, for looking up their names. */
export const adminIdsOf = (actors: (string | null)[]) =>
  [...new Set(actors.flatMap((actor) => (actor?.startsWith("user:") ? [actor.slice("user:".length)] : [])))].sort()

/**
 * Who recorded a consent or lifted a suppression, in words: "The customer",
 * "Guest at checkout", "Recipient (email link)", or the admin's name.
 */
export const actorLabel = (actor: string | null, { customerId, admins }: { customerId: string; admins: Map<string, string> }) => {
  if (!actor) {
    return "-"
  }
  if (actor === "guest") {
    return "Guest at checkout"
  }
  if (actor === "recipient") {
    return "Recipient (email link)"
  }
  const [kind, id] = actor.split(/:(.*)/s)
  if (kind === "customer") {
    return id === customerId ? "The customer" : `Customer ${id}`
  }
  if (kind === "user") {
    return admins.get(id) ?? `Admin ${id}`
  }
  return actor
}

export type RecordConsentField = "granted" | "source" | "wording" | "given_at"

const RECORD_CONSENT_FIELDS: RecordConsentField[] = ["granted", "source", "wording", "given_at"]

/**
 * The form field an API message is about: the API names it, in its own words
 * ("given_at cannot be in the future") or Medusa's ("Invalid request: Value
 * for field 'wording' too small, expected at least: '10'").
 */
export const recordConsentFieldOf = (message: string): RecordConsentField | undefined =>
  RECORD_CONSENT_FIELDS.find((name) => new RegExp(`\\b${name}\\b`).test(message))
