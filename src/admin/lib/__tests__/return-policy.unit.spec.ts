import {
  bodyOf,
  changesLabel,
  feeSummary,
  fieldMessage,
  formatDay,
  formErrors,
  formOf,
  NEW_POLICY_TERMS,
  policyFieldOf,
  methodsSummary,
  refundSummary,
  selectorSummary,
  termsOf,
} from "../return-policy"
import type { ReturnPolicyRegion } from "../types"
import { returnPolicyTermsSchema } from "../../../lib/return-policy"

const EUROPE: ReturnPolicyRegion = { id: "reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9", name: "Europe", currency_code: "eur", eu: true }
const US: ReturnPolicyRegion = { id: "reg_01JDZ9Q4J1K2M3N4P5Q6R7S8TA", name: "United States", currency_code: "usd", eu: false }

const storeForm = () => formOf({ ...NEW_POLICY_TERMS, free_returns: false, return_fees: [{ currency_code: "eur", amount: 4.95 }] }, "store", null)

describe("the returns-policy drawer", () => {
  it("opens a new policy without errors, and its terms are ones the server's schema accepts as they are", () => {
    const form = formOf(NEW_POLICY_TERMS, "store", null)
    expect(formErrors(form, [EUROPE])).toEqual({})
    expect(returnPolicyTermsSchema.safeParse(termsOf(form)).success).toBe(true)
    expect(returnPolicyTermsSchema.safeParse(termsOf(storeForm())).success).toBe(true)
  })

  it("refuses as the server does, on the field it is about", () => {
    const cases: [Partial<ReturnType<typeof storeForm>>, string, RegExp][] = [
      [{ policy_url: "http://shop.example/returns" }, "policy_url", /^policy_url must be an https URL/],
      [{ window_days: "" }, "window_days", /^window_days must be a number of days/],
      [{ window_days: "7.5" }, "window_days", /whole number/],
      [{ window_days: "400" }, "window_days", /at most 365/],
      [{ fees: { eur: "" } }, "return_fees", /^return_fees needs a fee per currency when returns are not free/],
      [{ fees: { eur: "-1" } }, "return_fees", /cannot be negative/],
      [{ return_methods: [] }, "return_methods", /needs at least one way/],
      [{ refund_days: "61" }, "refund_days", /at most 60/],
      [{ conditions: ["Unused", "  "] }, "conditions", /empty line/],
    ]
    for (const [patch, field, message] of cases) {
      const form = { ...storeForm(), ...patch }
      const errors = formErrors(form, [])
      expect({ patch, fields: Object.keys(errors) }).toEqual({ patch, fields: [field] })
      expect(errors[field as keyof typeof errors]).toMatch(message)
      // and the server's schema refuses the same terms
      expect(returnPolicyTermsSchema.safeParse(termsOf(form)).success).toBe(false)
    }
  })

  it("holds an EU region to 14 days, saying why, wherever the policy reaches it", () => {
    const short = { ...storeForm(), window_days: "10" }
    expect(formErrors(short, [US])).toEqual({})
    expect(formErrors(short, [US, EUROPE]).window_days).toMatch(
      /^window_days must be at least 14: consumers in the EU may withdraw within 14 days .*region "Europe"/
    )
    // an override for the US region is not bound by it; one for Europe is
    expect(formErrors({ ...short, scope: "region", scope_id: US.id }, [US, EUROPE])).toEqual({})
    expect(formErrors({ ...short, scope: "region", scope_id: EUROPE.id }, [US, EUROPE]).window_days).toMatch(/at least 14/)
    // a new override must say where it applies
    expect(formErrors({ ...storeForm(), scope: "sales_channel", scope_id: null }, []).scope_id).toMatch(/choose the sales channel/)
  })

  it("sends free returns without fees, and empty text as no text", () => {
    const body = bodyOf({ ...storeForm(), free_returns: true, details_markdown: "  ", policy_url: " https://shop.example/r " })
    expect(body).toEqual(
      expect.objectContaining({ scope: "store", scope_id: null, window_days: 30, return_fees: [], details_markdown: null, policy_url: "https://shop.example/r" })
    )
  })

  it("finds the field a server message is about, and words it for under that field", () => {
    expect(policyFieldOf("window_days must be at least 14: consumers in the EU may withdraw …")).toBe("window_days")
    expect(policyFieldOf('return_fees.currency_code: "usd" is not a currency of this store (eur)')).toBe("return_fees")
    expect(policyFieldOf("Invalid request: policy_url must be an https URL like https://shop.example/returns")).toBe("policy_url")
    expect(policyFieldOf("Invalid request: Value for field 'conditions, 1' too small, expected at least: '1'")).toBe("conditions")
    expect(policyFieldOf("exclusions.tag_ids: no product tag ptag_01JDZ9Q4J1K2M3N4P5Q6R7S8T9")).toBe("exclusions")
    expect(policyFieldOf("scope_id: no region reg_01JDZ9Q4J1K2M3N4P5Q6R7S8T9")).toBe("scope_id")
    expect(policyFieldOf("Something went wrong. Please try again.")).toBeUndefined()
    // a field's name inside a word is not the field
    expect(policyFieldOf("Invalid request: the conditions_extra field")).toBeUndefined()

    expect(fieldMessage("Invalid request: policy_url must be an https URL like https://shop.example/returns", "policy_url")).toBe(
      "Must be an https URL like https://shop.example/returns"
    )
    expect(fieldMessage('return_fees.currency_code: "usd" is not a currency of this store (eur)', "return_fees")).toBe(
      "“usd” is not a currency of this store (eur)"
    )
    expect(fieldMessage("Invalid request: Value for field 'conditions, 1' too small, expected at least: '1'", "conditions")).toBe(
      "Value for field 'conditions, 1' too small, expected at least: '1'"
    )
  })

  it("summarises and dates as the admin reads them", () => {
    expect(feeSummary({ ...NEW_POLICY_TERMS, free_returns: true })).toBe("Free returns")
    expect(feeSummary({ ...NEW_POLICY_TERMS, free_returns: false, return_fees: [{ currency_code: "eur", amount: 4.95 }] })).toBe("€4.95")
    expect(selectorSummary({ product_ids: [], tag_ids: ["a", "b"], type_ids: [], collection_ids: ["c"] })).toBe("2 tags, 1 collection")
    expect(selectorSummary({ product_ids: [], tag_ids: [], type_ids: [], collection_ids: [] })).toBe("None")
    expect(methodsSummary(["mail", "in_store"])).toBe("By post or in store")
    expect(refundSummary({ ...NEW_POLICY_TERMS, refund_methods: ["original_payment", "store_credit", "exchange"], refund_days: 1 })).toBe(
      "Original payment method, store credit or exchange, within 1 day"
    )
    expect(changesLabel(["window_days", "return_fees"])).toBe("window, fee")
    expect(changesLabel(["created"])).toBe("created")
    expect(formatDay("2026-12-26")).toBe("26 December 2026")
  })
})
