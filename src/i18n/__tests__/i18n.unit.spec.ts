import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser"
import { CATALOGS, canonicalLocale, languageOf, LANGUAGES, translator, type MessageKey } from ".."
import { FLOWS } from "../../flows"

/** The values a message uses, plural and select arguments included. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date)) {
      found.add(element.value as string)
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(element.value)
      for (const option of Object.values(element.options)) {
        argumentsOf(option.value, found)
      }
    }
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, found)
    }
  }
  return found
}

describe("the message catalogs", () => {
  const keys = Object.keys(CATALOGS.en).sort() as MessageKey[]

  it.each(LANGUAGES)("%s has every key, and nothing else", (language) => {
    expect(Object.keys(CATALOGS[language]).sort()).toEqual(keys)
  })

  it.each(LANGUAGES)("%s: every message parses and uses the same values as the English one", (language) => {
    for (const key of keys) {
      const values = [...argumentsOf(parse(CATALOGS[language][key]))].sort()
      expect({ key, values }).toEqual({ key, values: [...argumentsOf(parse(CATALOGS.en[key]))].sort() })
    }
  })
})

it("names every flow in every language, for the unsubscribe page", () => {
  for (const flow of FLOWS) {
    for (const language of LANGUAGES) {
      expect(CATALOGS[language][`flow.${flow.key}` as MessageKey]).toEqual(expect.any(String))
    }
  }
})

describe("a translator", () => {
  it("writes Dutch for nl-NL, with euro amounts and dates as the Dutch write them", () => {
    const nl = translator("nl-NL")
    expect([nl.language, nl.locale]).toEqual(["nl", "nl-NL"])
    // Intl puts a no-break space between the sign and the amount
    expect(nl.money(83.9, "eur")).toBe("€\u00a083,90")
    expect(nl.date("2026-11-26T10:00:00Z")).toBe("26 november 2026")
    expect(nl.country("de")).toBe("Duitsland")
    expect(nl.t("thankYou.purchaseMore", { first: "Linnen overhemd", count: 2 })).toBe("Linnen overhemd en nog 2 artikelen")
    expect(nl.t("thankYou.heading", { hasName: "no", name: "" })).toBe("Bedankt!")
  })

  it("writes English for en and for languages it does not have, formatting for the fallback", () => {
    expect(translator("en-US").money(83.9, "EUR")).toBe("€83.90")
    const japanese = translator("ja-JP")
    expect([japanese.language, japanese.locale]).toEqual(["en", "en"])
    expect(translator(null).t("confirmation.orderNumber")).toBe("Order number")
    expect(translator("fr-BE", { fallbackLanguage: "nl" }).language).toBe("fr")
    expect(translator("xx", { fallbackLanguage: "nl" }).t("confirmation.orderNumber")).toBe("Bestelnummer")
  })

  it("falls back to the default language for a missing key and reports it once", () => {
    const nlCatalog = CATALOGS.nl as Record<string, string>
    const saved = nlCatalog["thankYou.button"]
    delete nlCatalog["thankYou.button"]
    try {
      const reports: string[] = []
      // a fresh locale tag, so no translator built earlier holds the full catalog
      const nl = translator("nl-SR", { report: (message) => reports.push(message) })
      expect(nl.t("thankYou.button")).toBe("Discover what’s new")
      expect(nl.t("thankYou.button")).toBe("Discover what’s new")
      expect(reports).toEqual(['post-purchase: the "nl" catalog has no "thankYou.button"; using the en text'])
    } finally {
      nlCatalog["thankYou.button"] = saved
    }
  })

  it("reads locales as BCP 47", () => {
    expect(canonicalLocale("nl_nl")).toBe("nl-NL")
    expect(canonicalLocale("not a locale")).toBeNull()
    expect(languageOf("DE-at")).toBe("de")
    expect(languageOf("pt-BR")).toBeNull()
  })
})
