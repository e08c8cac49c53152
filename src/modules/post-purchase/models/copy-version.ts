import { model } from "@medusajs/framework/utils"

/** How a version came about: an admin's edit, a reset to the catalog text, or an earlier version brought back. */
export const COPY_VERSION_ACTIONS = ["saved", "reset", "restored"] as const

/**
 * One version of the copy an admin overrides for a flow in one language.
 * Never updated: every save, reset and restore adds a version, and the
 * latest one is the copy in use.
 */
export const CopyVersion = model
  .define(
    { name: "CopyVersion", tableName: "pp_copy_version" },
    {
      id: model.id({ prefix: "ppcv" }).primaryKey(),
      flow: model.text(),
      // the plugin's language (en, nl, de, fr), not a full locale: nl-NL and nl-BE share their copy
      language: model.text(),
      // 1, 2, 3 … per flow and language
      version: model.number(),
      // only the overridden fields ({ subject?, preview?, heading?, intro?, button? }); {} after a reset
      fields: model.json(),
      action: model.enum([...COPY_VERSION_ACTIONS]),
      // the version a restore brought back
      restored_from: model.number().nullable(),
      // "user:user_…"
      created_by: model.text(),
    }
  )
  .indexes([
    {
      // one number per version, also when two admins save at once; serves the latest version per flow and language
      name: "IDX_pp_copy_version_flow_language_version",
      on: ["flow", "language", "version"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
