import { COPY_FIELD_NAMES, type CopyFieldName, type CopyFields, type CopyVersionAction, type FlowCopy } from "./types"

/**
 * The field an API message is about. The API starts its own messages with the
 * field ("Invalid request: heading uses the unknown variable {{voornaam}}; …",
 * "intro can be at most 2000 characters"), Medusa's quote it ("Value for
 * field 'subject' …").
 */
export const copyFieldOf = (message: string): CopyFieldName | undefined =>
  COPY_FIELD_NAMES.find((name) => new RegExp(`(?:^|: |; |')${name}(?:'| )`).test(message))

/** The form's texts as the API has them: the override, or the catalog's text. */
export const copyTexts = (copy: FlowCopy): Record<CopyFieldName, string> =>
  Object.fromEntries(COPY_FIELD_NAMES.map((name) => [name, copy.fields[name].text])) as Record<CopyFieldName, string>

/** What a save sends: only the texts that differ from the catalog's, so the others keep following it. */
export const overriddenTexts = (copy: FlowCopy, texts: Record<CopyFieldName, string>): CopyFields =>
  Object.fromEntries(
    COPY_FIELD_NAMES.filter((name) => texts[name].trim() !== copy.fields[name].default).map((name) => [name, texts[name]])
  )

/** "Saved", "Reset to default", "Restored version 2". */
export const versionActionLabel = (action: CopyVersionAction, restoredFrom: number | null) =>
  action === "saved"
    ? "Saved"
    : action === "reset"
      ? "Reset to default"
      : restoredFrom
        ? `Restored version ${restoredFrom}`
        : "Restored"
