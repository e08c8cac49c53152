import { renderEmail } from "../../emails/render"
import { sampleBrand } from "../../emails/sample-data"
import { translator } from "../../i18n"
import { FLOWS } from ".."
import { orderConfirmationFlow } from "../order-confirmation"
import { thankYouFlow } from "../thank-you"
import { parsePluginOptions } from "../../modules/post-purchase/options"
import {
  applyCopy,
  COPY_FIELD_NAMES,
  COPY_VARIABLE_NAMES,
  copyFieldProblem,
  defaultCopy,
  substituteVariables,
  unknownVariables,
} from "../copy"

const values = {
  first_name: "Anna",
  order_number: "1001",
  shop_name: "Acme",
  order_date: "26 november 2026",
  order_total: "€ 83,90",
}

describe("copy variables", () => {
  it("finds unknown variables, each once, and accepts spaces inside the braces", () => {
    expect(unknownVariables("Hi {{first_name}}, {{ order_number }}")).toEqual([])
    expect(unknownVariables("{{firstName}} {{coupon}} {{firstName}}")).toEqual(["firstName", "coupon"])
    expect(unknownVariables("{{}}")).toEqual([""])
    // single braces, a lone {{ and ICU are plain text
    expect(unknownVariables("{shopName} {{ half {count, plural, one {#} other {#}}")).toEqual([])
  })

  it("names the field and the variable, and lists the known ones", () => {
    const problem = copyFieldProblem("heading", "Hallo {{voornaam}}")
    expect(problem).toMatch(/^heading uses the unknown variable \{\{voornaam\}\}; known variables: /)
    for (const name of COPY_VARIABLE_NAMES) {
      expect(problem).toContain(`{{${name}}}`)
    }
  })

  it("refuses empty, too long and (but for the intro) multi-line text", () => {
    expect(copyFieldProblem("subject", "  ")).toMatch(/^subject cannot be empty/)
    expect(copyFieldProblem("subject", "x".repeat(201))).toBe("subject can be at most 200 characters")
    expect(copyFieldProblem("intro", "x".repeat(2000))).toBeNull()
    expect(copyFieldProblem("intro", "x".repeat(2001))).toBe("intro can be at most 2000 characters")
    expect(copyFieldProblem("button", "Shop\nnow")).toBe("button must be a single line")
    expect(copyFieldProblem("intro", "Line one\nline two")).toBeNull()
  })

  it("substitutes known variables and leaves everything else as it is", () => {
    expect(substituteVariables("Hi {{first_name}}, #{{ order_number }} at {{shop_name}}: {{order_total}} on {{order_date}}", values)).toBe(
      "Hi Anna, #1001 at Acme: € 83,90 on 26 november 2026"
    )
    expect(substituteVariables("{shopName} <b>{{shop_name}}</b> {{ half", values)).toBe("{shopName} <b>Acme</b> {{ half")
    // an order without a first name: the greeting goes without it, and without its comma
    const nameless = { ...values, first_name: "" }
    expect(substituteVariables("Bedankt, {{first_name}}!", nameless)).toBe("Bedankt!")
    expect(substituteVariables("Hoi {{ first_name }}, welkom", nameless)).toBe("Hoi, welkom")
  })
})

describe("copy overrides", () => {
  it("every flow declares a catalog message for every field", () => {
    for (const flow of FLOWS) {
      expect(Object.keys(flow.editableCopy).sort()).toEqual([...COPY_FIELD_NAMES].sort())
    }
  })

  it("the default copy reads like an override, with variables for the catalog's values", () => {
    const nl = defaultCopy(translator("nl-NL"), orderConfirmationFlow.editableCopy)
    expect(nl.subject).toBe("Je bestelling #{{order_number}} bij {{shop_name}} is bevestigd")
    expect(defaultCopy(translator("en"), thankYouFlow.editableCopy).heading).toBe("Thank you, {{first_name}}!")
  })

  it("replaces the overridden messages in the subject and the email, escaped, and keeps the rest", async () => {
    const i18n = translator("nl-NL")
    const props = orderConfirmationFlow.previewProps(sampleBrand, parsePluginOptions({}), i18n)
    const copied = applyCopy(props, orderConfirmationFlow.editableCopy, {
      subject: "Bestelling {{order_number}} <b>binnen</b>",
      heading: "Hoi {{first_name}} <b>dank</b>",
    })
    expect(orderConfirmationFlow.subject(copied)).toBe("Bestelling 1001 <b>binnen</b>")
    const { html, text } = await renderEmail(orderConfirmationFlow.template(copied))
    expect(html).toContain("Hoi Anna &lt;b&gt;dank&lt;/b&gt;")
    expect(html).not.toContain("<b>dank</b>")
    // the fields not overridden keep their catalog text
    expect(text).toContain(i18n.t("confirmation.intro"))
    expect(orderConfirmationFlow.subject(props)).toBe("Je bestelling #1001 bij Acme Outfitters is bevestigd")
  })
})
