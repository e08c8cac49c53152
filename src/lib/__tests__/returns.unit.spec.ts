import { keptItems, keptQuantity, returnStatus } from "../returns"

const item = (id: string, quantity: number, detail: Record<string, number> = {}) => ({
  id,
  quantity,
  detail: { return_requested_quantity: 0, return_received_quantity: 0, return_dismissed_quantity: 0, ...detail },
})

describe("kept items", () => {
  it("counts what the customer still has: less what is received back, dismissed or in a requested return", () => {
    expect(keptQuantity(item("a", 2))).toBe(2)
    expect(keptQuantity(item("a", 3, { return_requested_quantity: 1 }))).toBe(2)
    expect(keptQuantity(item("a", 3, { return_received_quantity: 1, return_dismissed_quantity: 1 }))).toBe(1)
    expect(keptQuantity(item("a", 2, { return_received_quantity: 2 }))).toBe(0)
    // Medusa's quantities come as strings of big numbers; never below zero
    expect(keptQuantity({ id: "a", quantity: "2", detail: { return_requested_quantity: "3" } })).toBe(0)
    expect(keptQuantity({ id: "a", quantity: 1, detail: null })).toBe(1)
  })

  it("leaves out the items that went back, in full or in a return", () => {
    const items = [item("shirt", 1, { return_received_quantity: 1 }), item("beans", 2, { return_requested_quantity: 1 }), item("bag", 1, { return_requested_quantity: 1 })]
    expect(keptItems(items).map((i) => i.id)).toEqual(["beans"])
    expect(returnStatus(items)).toBe("partial")
    expect(keptItems([item("shirt", 1, { return_received_quantity: 1 })])).toEqual([])
  })
})
