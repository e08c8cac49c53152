import { copyFieldOf, overriddenTexts, versionActionLabel } from "../copy"
import type { CopyFieldName, FlowCopy } from "../types"

const field = (text: string, def: string) => ({ label: "", text, overridden: text !== def, default: def, max_length: 200 })

const copy = {
  flow: "thank-you",
  locale: "nl-NL",
  language: "nl",
  fields: {
    subject: field("Dankjewel!", "Bedankt"),
    preview: field("Voorbeeld", "Voorbeeld"),
    heading: field("Hoi", "Hoi"),
    intro: field("Fijn dat je er bent", "Fijn dat je er bent"),
    button: field("Bekijk", "Bekijk"),
  },
  variables: [],
  versions: [],
} satisfies FlowCopy

describe("the copy editor", () => {
  it("finds the field an API message is about", () => {
    expect(copyFieldOf("Invalid request: heading uses the unknown variable {{voornaam}}; known variables: {{first_name}}")).toBe(
      "heading"
    )
    expect(copyFieldOf("intro can be at most 2000 characters")).toBe("intro")
    expect(copyFieldOf("Invalid request: Value for field 'button' is not text")).toBe("button")
    expect(copyFieldOf("Invalid request: locale is required")).toBeUndefined()
    // "preview" as a word in a sentence is not the field
    expect(copyFieldOf("Could not render the preview")).toBeUndefined()
  })

  it("saves only the texts that differ from the default", () => {
    const texts: Record<CopyFieldName, string> = {
      subject: "Dankjewel {{first_name}}!",
      preview: "Voorbeeld",
      heading: " Hoi ",
      intro: "Fijn dat je er bent",
      button: "Bekijk je bestelling",
    }
    expect(overriddenTexts(copy, texts)).toEqual({ subject: "Dankjewel {{first_name}}!", button: "Bekijk je bestelling" })
  })

  it("says what each version did", () => {
    expect(versionActionLabel("saved", null)).toBe("Saved")
    expect(versionActionLabel("reset", null)).toBe("Reset to default")
    expect(versionActionLabel("restored", 2)).toBe("Restored version 2")
  })
})
