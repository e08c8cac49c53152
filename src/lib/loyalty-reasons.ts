import { CATALOGS, translator, type Translator } from "../i18n"
import type { MessageKey } from "../i18n/catalogs/en"

/** The catalog keys a ledger line's reason is written with. */
export type LedgerReasonKey = Extract<MessageKey, `ledger.${string}`>

/**
 * How a ledger line's reason is told in any language: a catalog key and its
 * values, kept on the line (`metadata.reason`). An undo (`ledger.undone`)
 * carries the reason of the line it undoes, or that line's own text when it
 * had no key (an admin's adjustment, the shop's reward name).
 */
export type ReasonRef = {
  key: LedgerReasonKey
  values?: Record<string, string | number>
  of?: ReasonRef | null
  text?: string
}

const english = translator("en")

/**
 * A ledger line's reason: the English text the ledger keeps (what the admin
 * reads) and the key the customer's points history is told in their own
 * language with. Spread it into a new ledger entry.
 */
export function ledgerReason(key: LedgerReasonKey, values?: Record<string, string | number>): { reason: string; reason_ref: ReasonRef } {
  const ref: ReasonRef = values ? { key, values } : { key }
  return { reason: english.t(key, values), reason_ref: ref }
}

/**
 * The reason of an undo line, told with the reason of the line it undoes
 * (`{reason}` in the key's message): "Undone: Order #1042" by default.
 */
export function undoneReason(
  original: { reason: string; metadata?: Record<string, unknown> | null },
  key: LedgerReasonKey = "ledger.undone"
): ReasonRef {
  return { key, of: reasonRefOf(original), text: original.reason }
}

/**
 * A ledger line's reason in the translator's language: by its key when it
 * has one the catalogs know, else its stored text (lines written before
 * reasons had keys, an admin's own words).
 */
export function reasonText(entry: { reason: string; metadata?: Record<string, unknown> | null }, i18n: Translator): string {
  const ref = reasonRefOf(entry)
  return ref ? tell(ref, entry.reason, i18n) : entry.reason
}

function tell(ref: ReasonRef, fallback: string, i18n: Translator): string {
  // an undo: told with the reason of the line it undid
  if (ref.of !== undefined || ref.text !== undefined) {
    const text = ref.text ?? fallback
    return i18n.t(ref.key, { ...ref.values, reason: ref.of ? tell(ref.of, text, i18n) : text })
  }
  return i18n.t(ref.key, ref.values)
}

function reasonRefOf(entry: { metadata?: Record<string, unknown> | null }): ReasonRef | null {
  const ref = entry.metadata?.reason as ReasonRef | undefined
  return ref && typeof ref.key === "string" && ref.key.startsWith("ledger.") && ref.key in CATALOGS.en ? ref : null
}
