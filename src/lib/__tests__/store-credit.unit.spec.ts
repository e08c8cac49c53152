import { STORE_CREDIT_MODULE, storeCreditAvailable } from "../store-credit"

describe("storeCreditAvailable", () => {
  it("is false without @medusajs/loyalty-plugin installed, even when something answers to the store-credit key", () => {
    expect(storeCreditAvailable({ hasRegistration: (key: string) => key === STORE_CREDIT_MODULE })).toBe(false)
    expect(storeCreditAvailable({ hasRegistration: () => false })).toBe(false)
  })
})
