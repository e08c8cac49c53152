import { merchantReturnPolicyProblems } from "../../../integration-tests/helpers/schema-org"
import { merchantReturnPolicy, merchantReturnPolicyDocument } from "../return-policy-json-ld"

describe("the returns policy as schema.org JSON-LD", () => {
  it("says a Dutch shop's 30 days, €4.95 return postage, post or shop, full refund, in schema.org's words", () => {
    const document = merchantReturnPolicyDocument({
      countries: ["nl", "de"],
      window_days: 30,
      return_methods: ["mail", "in_store"],
      refund_methods: ["original_payment"],
      fee: { free: false, amount: 4.95, currency_code: "eur" },
      policy_url: "https://shop.example/returns",
      return_countries: ["nl"],
    })
    expect(document).toEqual({
      "@context": "https://schema.org",
      "@type": "MerchantReturnPolicy",
      applicableCountry: ["DE", "NL"],
      returnPolicyCountry: "NL",
      returnPolicyCategory: "https://schema.org/MerchantReturnFiniteReturnWindow",
      merchantReturnDays: 30,
      returnMethod: ["https://schema.org/ReturnByMail", "https://schema.org/ReturnInStore"],
      inStoreReturnsOffered: true,
      returnFees: "https://schema.org/ReturnShippingFees",
      returnShippingFeesAmount: { "@type": "MonetaryAmount", value: 4.95, currency: "EUR" },
      refundType: "https://schema.org/FullRefund",
      merchantReturnLink: "https://shop.example/returns",
    })
    expect(merchantReturnPolicyProblems(document, { document: true })).toEqual([])
  })

  it("free returns by post only, refunded as store credit or an exchange", () => {
    const policy = merchantReturnPolicy({
      countries: ["us"],
      window_days: 60,
      return_methods: ["mail"],
      refund_methods: ["store_credit", "exchange"],
      fee: { free: true },
    })
    expect(policy).toEqual({
      "@type": "MerchantReturnPolicy",
      applicableCountry: "US",
      returnPolicyCategory: "https://schema.org/MerchantReturnFiniteReturnWindow",
      merchantReturnDays: 60,
      returnMethod: "https://schema.org/ReturnByMail",
      inStoreReturnsOffered: false,
      returnFees: "https://schema.org/FreeReturn",
      refundType: ["https://schema.org/StoreCreditRefund", "https://schema.org/ExchangeRefund"],
    })
    // the product form goes under hasMerchantReturnPolicy: no context of its own
    expect(policy).not.toHaveProperty("@context")
    expect(merchantReturnPolicyProblems(policy as any, { document: false })).toEqual([])
  })

  it("no window is returns not permitted, and then says nothing about how to return", () => {
    for (const window_days of [0, null]) {
      const policy = merchantReturnPolicy({
        countries: ["us"],
        window_days,
        return_methods: ["mail"],
        refund_methods: ["original_payment"],
        fee: { free: false, amount: 5, currency_code: "usd" },
        policy_url: "https://shop.example/returns",
      })
      expect(policy).toEqual({
        "@type": "MerchantReturnPolicy",
        applicableCountry: "US",
        returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
        merchantReturnLink: "https://shop.example/returns",
      })
      expect(merchantReturnPolicyProblems(policy as any, { document: false })).toEqual([])
    }
  })

  it("a fee the policy names in no currency of the region is return shipping fees without an amount; an unknown fee is left out", () => {
    const unpriced = merchantReturnPolicy({ countries: ["gb"], window_days: 14, fee: { free: false, amount: null, currency_code: "gbp" } })
    expect(unpriced.returnFees).toBe("https://schema.org/ReturnShippingFees")
    expect(unpriced).not.toHaveProperty("returnShippingFeesAmount")
    const unknown = merchantReturnPolicy({ countries: ["nl"], window_days: 14, fee: null })
    expect(unknown).not.toHaveProperty("returnFees")
    expect(unknown).not.toHaveProperty("returnMethod")
    expect(unknown).not.toHaveProperty("refundType")
  })

  it("the vocabulary check catches a misspelt property, a made-up value, a lower-case country and a contradiction", () => {
    const wrong = {
      "@type": "MerchantReturnPolicy",
      applicableCountry: "nl",
      returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
      merchantReturnDays: 30,
      returnMethods: "https://schema.org/ReturnByMail",
      returnFees: "https://schema.org/FreeReturns",
    }
    expect(merchantReturnPolicyProblems(wrong, { document: false })).toEqual([
      "unknown property returnMethods",
      'returnFees "https://schema.org/FreeReturns" is not one of https://schema.org/FreeReturn, https://schema.org/OriginalShippingFees, https://schema.org/RestockingFees, https://schema.org/ReturnFeesCustomerResponsibility, https://schema.org/ReturnShippingFees',
      'applicableCountry "nl" is not an ISO 3166-1 alpha-2 code in upper case',
      "returns are not permitted, yet merchantReturnDays is given",
      "returns are not permitted, yet returnFees is given",
    ])
  })
})
