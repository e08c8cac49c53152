/** The languages the plugin writes, by the locale the admin picks for each, and their own names. */
export const EMAIL_LANGUAGES = [
  { locale: "en", label: "English" },
  { locale: "nl-NL", label: "Nederlands" },
  { locale: "de-DE", label: "Deutsch" },
  { locale: "fr-FR", label: "Français" },
] as const

/** A locale's language by its own name ("nl-BE" → "Nederlands"), or the tag itself. */
export const languageLabel = (locale: string | null) =>
  EMAIL_LANGUAGES.find((language) => language.locale.split("-")[0] === locale?.split("-")[0]?.toLowerCase())?.label ??
  locale ??
  ""
