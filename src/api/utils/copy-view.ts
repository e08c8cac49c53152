import {
  COPY_FIELD_NAMES,
  COPY_FIELDS,
  COPY_VARIABLES,
  COPY_VARIABLE_NAMES,
  defaultCopy,
  type CopyField,
  type FlowDefinition,
} from "../../flows"
import { translator } from "../../i18n"
import { copyKey, type CopyVersionDTO } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

/** What the admin's copy editor shows for a flow in one language: each field, the variables, the history. */
export async function copyView(service: PostPurchaseModuleService, flow: FlowDefinition, locale: string) {
  const i18n = translator(locale)
  const [current, versions] = await Promise.all([
    service.currentCopy([flow.key]),
    service.listCopyVersions({ flow: flow.key, language: i18n.language }, { order: { version: "DESC" } }),
  ])
  const overrides = current.get(copyKey(flow.key, i18n.language)) ?? {}
  const defaults = defaultCopy(i18n, flow.editableCopy)
  return {
    flow: flow.key,
    locale: i18n.locale,
    language: i18n.language,
    fields: Object.fromEntries(
      COPY_FIELD_NAMES.map((field) => [
        field,
        {
          label: COPY_FIELDS[field].label,
          text: overrides[field] ?? defaults[field],
          overridden: overrides[field] !== undefined,
          default: defaults[field],
          max_length: COPY_FIELDS[field].maxLength,
        },
      ])
    ) as Record<CopyField, { label: string; text: string; overridden: boolean; default: string; max_length: number }>,
    variables: COPY_VARIABLE_NAMES.map((name) => ({ name, token: `{{${name}}}`, description: COPY_VARIABLES[name] })),
    versions: (versions as CopyVersionDTO[]).map(versionView),
  }
}

export function versionView(version: CopyVersionDTO) {
  return {
    version: version.version,
    action: version.action,
    fields: version.fields,
    restored_from: version.restored_from ?? null,
    created_by: version.created_by,
    created_at: version.created_at,
  }
}
