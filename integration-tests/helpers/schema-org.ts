/**
 * schema.org's vocabulary for a MerchantReturnPolicy, written out by hand
 * from https://schema.org/MerchantReturnPolicy and its enumerations, so a
 * misspelt property or a made-up enumeration value in the plugin's JSON-LD
 * fails a test instead of being ignored by search engines.
 */

const SCHEMA = "https://schema.org/"

/** Every property of MerchantReturnPolicy (none are inherited that the plugin could use). */
export const MERCHANT_RETURN_POLICY_PROPERTIES = [
  "additionalProperty",
  "applicableCountry",
  "customerRemorseReturnFees",
  "customerRemorseReturnLabelSource",
  "customerRemorseReturnShippingFeesAmount",
  "inStoreReturnsOffered",
  "itemCondition",
  "itemDefectReturnFees",
  "itemDefectReturnLabelSource",
  "itemDefectReturnShippingFeesAmount",
  "merchantReturnDays",
  "merchantReturnLink",
  "refundType",
  "restockingFee",
  "returnFees",
  "returnLabelSource",
  "returnMethod",
  "returnPolicyCategory",
  "returnPolicyCountry",
  "returnPolicySeasonalOverride",
  "returnShippingFeesAmount",
  "validForMemberTier",
]

/** The enumeration members each enumerated property takes, as full URLs. */
export const ENUMERATIONS: Record<string, string[]> = {
  // MerchantReturnEnumeration
  returnPolicyCategory: [
    "MerchantReturnFiniteReturnWindow",
    "MerchantReturnNotPermitted",
    "MerchantReturnUnlimitedWindow",
    "MerchantReturnUnspecified",
  ].map((name) => SCHEMA + name),
  // ReturnMethodEnumeration
  returnMethod: ["KeepProduct", "ReturnAtKiosk", "ReturnByMail", "ReturnInStore"].map((name) => SCHEMA + name),
  // ReturnFeesEnumeration
  returnFees: ["FreeReturn", "OriginalShippingFees", "RestockingFees", "ReturnFeesCustomerResponsibility", "ReturnShippingFees"].map(
    (name) => SCHEMA + name
  ),
  // RefundTypeEnumeration
  refundType: ["ExchangeRefund", "FullRefund", "StoreCreditRefund"].map((name) => SCHEMA + name),
}

/** The properties of a MonetaryAmount. */
export const MONETARY_AMOUNT_PROPERTIES = ["currency", "maxValue", "minValue", "validFrom", "validThrough", "value"]

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/**
 * What is wrong with a MerchantReturnPolicy object, one line per problem
 * (none when it is right): unknown properties, values outside the
 * enumerations, countries not in ISO 3166-1 alpha-2 upper case, and
 * properties that contradict the return policy category.
 */
export function merchantReturnPolicyProblems(policy: Record<string, any>, { document }: { document: boolean }): string[] {
  const problems: string[] = []
  const allowed = new Set(["@type", ...(document ? ["@context"] : []), ...MERCHANT_RETURN_POLICY_PROPERTIES])
  for (const key of Object.keys(policy)) {
    if (!allowed.has(key)) {
      problems.push(`unknown property ${key}`)
    }
  }
  if (document && policy["@context"] !== "https://schema.org") {
    problems.push(`@context is ${JSON.stringify(policy["@context"])}`)
  }
  if (policy["@type"] !== "MerchantReturnPolicy") {
    problems.push(`@type is ${JSON.stringify(policy["@type"])}`)
  }
  for (const [property, members] of Object.entries(ENUMERATIONS)) {
    for (const value of property in policy ? list(policy[property]) : []) {
      if (!members.includes(value as string)) {
        problems.push(`${property} ${JSON.stringify(value)} is not one of ${members.join(", ")}`)
      }
    }
  }
  for (const property of ["applicableCountry", "returnPolicyCountry"]) {
    for (const value of property in policy ? list(policy[property]) : []) {
      if (typeof value !== "string" || !/^[A-Z]{2}$/.test(value)) {
        problems.push(`${property} ${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 code in upper case`)
      }
    }
  }
  if (!("applicableCountry" in policy)) {
    problems.push("applicableCountry is missing")
  }
  const category = policy.returnPolicyCategory
  if (category === `${SCHEMA}MerchantReturnFiniteReturnWindow` && !(Number.isInteger(policy.merchantReturnDays) && policy.merchantReturnDays > 0)) {
    problems.push(`a finite return window needs merchantReturnDays as a positive whole number, not ${JSON.stringify(policy.merchantReturnDays)}`)
  }
  if (category === `${SCHEMA}MerchantReturnNotPermitted`) {
    for (const property of ["merchantReturnDays", "returnMethod", "returnFees", "returnShippingFeesAmount", "refundType"]) {
      if (property in policy) {
        problems.push(`returns are not permitted, yet ${property} is given`)
      }
    }
  }
  if ("returnShippingFeesAmount" in policy) {
    const amount = policy.returnShippingFeesAmount
    if (policy.returnFees !== `${SCHEMA}ReturnShippingFees`) {
      problems.push("returnShippingFeesAmount without returnFees ReturnShippingFees")
    }
    if (amount?.["@type"] !== "MonetaryAmount") {
      problems.push(`returnShippingFeesAmount is a ${JSON.stringify(amount?.["@type"])}, not a MonetaryAmount`)
    }
    for (const key of Object.keys(amount ?? {}).filter((key) => key !== "@type")) {
      if (!MONETARY_AMOUNT_PROPERTIES.includes(key)) {
        problems.push(`unknown MonetaryAmount property ${key}`)
      }
    }
    if (typeof amount?.value !== "number" || !/^[A-Z]{3}$/.test(amount?.currency ?? "")) {
      problems.push(`returnShippingFeesAmount needs a number value and an ISO 4217 currency: ${JSON.stringify(amount)}`)
    }
  }
  if ("inStoreReturnsOffered" in policy && typeof policy.inStoreReturnsOffered !== "boolean") {
    problems.push("inStoreReturnsOffered is not true or false")
  }
  if ("merchantReturnLink" in policy && !/^https:\/\//.test(policy.merchantReturnLink)) {
    problems.push(`merchantReturnLink ${JSON.stringify(policy.merchantReturnLink)} is not an https URL`)
  }
  return problems
}
