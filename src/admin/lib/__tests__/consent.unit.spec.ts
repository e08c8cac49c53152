import { actorLabel, adminIdsOf, recordConsentFieldOf, suppressionScopeLabel } from "../consent"
import type { SuppressionView } from "../types"

describe("the customer consent widget's words", () => {
  const admins = new Map([["user_01", "Ada Admin"]])
  const who = (actor: string | null) => actorLabel(actor, { customerId: "cus_01", admins })

  it("names who recorded a consent or lifted a suppression", () => {
    expect(who("customer:cus_01")).toBe("The customer")
    expect(who("customer:cus_02")).toBe("Customer cus_02")
    expect(who("guest")).toBe("Guest at checkout")
    expect(who("recipient")).toBe("Recipient (email link)")
    expect(who("user:user_01")).toBe("Ada Admin")
    expect(who("user:user_02")).toBe("Admin user_02")
    expect(who(null)).toBe("-")
    expect(who("something else")).toBe("something else")
  })

  it("looks up each admin once", () => {
    expect(adminIdsOf(["user:user_02", "guest", null, "user:user_01", "user:user_02", "customer:cus_01"])).toEqual([
      "user_01",
      "user_02",
    ])
  })

  it("says what a suppression stops", () => {
    const suppression = (scope: string) => ({ scope }) as SuppressionView
    const flows = new Map([["thank-you", "Thank-you"]])
    expect(suppressionScopeLabel(suppression("all"), flows)).toBe("All marketing email")
    expect(suppressionScopeLabel(suppression("thank-you"), flows)).toBe("Thank-you")
    expect(suppressionScopeLabel(suppression("review-request"), flows)).toBe("review-request")
  })

  it("finds the form field the API's 400 is about", () => {
    expect(recordConsentFieldOf("Invalid request: Value for field 'wording' too small, expected at least: '10'")).toBe("wording")
    expect(recordConsentFieldOf("Invalid request: given_at cannot be in the future")).toBe("given_at")
    expect(recordConsentFieldOf("Invalid request: Field 'granted' is required")).toBe("granted")
    expect(recordConsentFieldOf("Invalid request: Expected: 'admin, import' for field 'source', but got: 'x'")).toBe("source")
    expect(recordConsentFieldOf('Customer with id "cus_01" was not found')).toBeUndefined()
  })
})
