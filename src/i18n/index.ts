import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl"
import { de } from "./catalogs/de"
import { en, type Catalog, type MessageKey } from "./catalogs/en"
import { fr } from "./catalogs/fr"
import { nl } from "./catalogs/nl"
import { countryName, formatDate, formatMoney } from "./format"

export type { Catalog, MessageKey }

/** The languages the plugin writes in; a locale like `nl-NL` or `nl-BE` is written in `nl`. */
export const LANGUAGES = ["en", "nl", "de", "fr"] as const
export type Language = (typeof LANGUAGES)[number]

export const CATALOGS: Record<Language, Catalog> = { en, nl, de, fr }

export type MessageValues = Record<string, string | number>

/**
 * What a template, a subject line or a page needs to speak the customer's
 * language: its messages, and money, dates and countries formatted with
 * `Intl` for the locale.
 */
export interface Translator {
  /** The BCP 47 tag numbers and dates are formatted for, e.g. `nl-NL`. */
  locale: string
  /** The catalog the messages come from. */
  language: Language
  t: (key: MessageKey, values?: MessageValues) => string
  /** An amount in the currency's main unit (Medusa v2), e.g. 83.9 EUR → "€ 83,90" in Dutch. Throws on a non-finite amount. */
  money: (amount: number, currencyCode: string) => string
  /** An ISO 8601 date, e.g. "26 november 2026" in Dutch; UTC, so it reads the same wherever it is rendered. */
  date: (iso: string) => string
  /** A country's name for an ISO 3166-1 alpha-2 code; the code itself if unknown. */
  country: (code: string) => string
  /** A list in the language's words: "a, b and c" (conjunction), "a, b or c" (disjunction). */
  list: (items: string[], type: "conjunction" | "disjunction") => string
}

/** The plugin's language for a BCP 47 tag, or null when it does not write that language. */
export function languageOf(locale: string | null | undefined): Language | null {
  const language = locale?.trim().split(/[-_]/)[0]?.toLowerCase()
  return (LANGUAGES as readonly string[]).includes(language ?? "") ? (language as Language) : null
}

/** A well-formed BCP 47 tag in its canonical case (`nl-nl` → `nl-NL`), or null. */
export function canonicalLocale(locale: string | null | undefined): string | null {
  if (!locale?.trim()) {
    return null
  }
  try {
    return Intl.getCanonicalLocales(locale.trim().replace(/_/g, "-"))[0] ?? null
  } catch {
    return null
  }
}

type Reporter = (message: string) => void

const cache = createIntlCache()
const intls = new Map<string, IntlShape<string>>()
const reported = new Set<string>()

/**
 * A translator for `locale`, written in its language when the plugin has it,
 * else in `fallbackLanguage`. A key missing from a catalog falls back to the
 * fallback language's text and is reported once per language and key.
 */
export function translator(
  locale: string | null | undefined,
  { fallbackLanguage = "en", report = (message: string) => console.warn(message) }: { fallbackLanguage?: Language; report?: Reporter } = {}
): Translator {
  const tag = canonicalLocale(locale) ?? fallbackLanguage
  const language = languageOf(tag) ?? fallbackLanguage
  const formatLocale = languageOf(tag) ? tag : fallbackLanguage
  const intl = intlFor(formatLocale, language, fallbackLanguage)
  const catalog = CATALOGS[language] as Partial<Catalog>

  return {
    locale: formatLocale,
    language,
    t: (key, values) => {
      if (catalog[key] === undefined) {
        const id = `${language}:${key}`
        if (!reported.has(id)) {
          reported.add(id)
          report(`post-purchase: the "${language}" catalog has no "${key}"; using the ${fallbackLanguage} text`)
        }
      }
      return intl.formatMessage({ id: key }, values) as string
    },
    money: (amount, currencyCode) => formatMoney(amount, currencyCode, formatLocale),
    date: (iso) => formatDate(iso, formatLocale),
    country: (code) => countryName(code, formatLocale),
    list: (items, type) => intl.formatList(items, { type }) as string,
  }
}

function intlFor(locale: string, language: Language, fallbackLanguage: Language): IntlShape<string> {
  const key = `${locale}|${language}|${fallbackLanguage}`
  let intl = intls.get(key)
  if (!intl) {
    intl = createIntl(
      {
        locale,
        defaultLocale: fallbackLanguage,
        // the fallback language's text under anything the catalog lacks
        messages: { ...CATALOGS[fallbackLanguage], ...CATALOGS[language] },
        // a missing key is reported by `t` once; a malformed message still throws
        onError: (error) => {
          if (error.code !== "MISSING_TRANSLATION") {
            throw error
          }
        },
      },
      cache
    )
    intls.set(key, intl)
  }
  return intl
}
