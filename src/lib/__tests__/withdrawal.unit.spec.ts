import { translator } from "../../i18n"
import type { OrderReturnTerms } from "../return-terms"
import { notWithdrawableText, withdrawalProblemMessage, withdrawalProblems, type WithdrawableItem, type WithdrawalOrder } from "../withdrawal"

const item = (id: string, title: string, patch: Partial<WithdrawableItem> = {}): WithdrawableItem => ({
  id,
  title,
  variant_title: null,
  thumbnail: null,
  ordered: 2,
  withdrawable_quantity: 2,
  last_day: "2026-12-10",
  reason: null,
  withdrawal_exception: null,
  ...patch,
})

const order: WithdrawalOrder = {
  id: "order_1",
  display_id: 1042,
  email: "Anna@Example.com",
  customer_id: null,
  locale: "nl-NL",
  canceled: false,
  terms: {} as OrderReturnTerms,
  items: [
    item("ordli_shirt", "Linen Shirt"),
    item("ordli_beans", "Organic Coffee Beans", { withdrawable_quantity: 0, reason: "withdrawal_exception", withdrawal_exception: "perishable" }),
    item("ordli_bag", "Canvas Tote Bag", { ordered: 1, withdrawable_quantity: 0, reason: "period_ended", last_day: "2026-10-01" }),
    item("ordli_socks", "Wool Socks", { withdrawable_quantity: 1 }),
  ],
}

const messages = (request: Parameters<typeof withdrawalProblems>[1], forOrder = order) =>
  withdrawalProblems(forOrder, request).map((problem) => withdrawalProblemMessage(problem, forOrder))

describe("a request to withdraw", () => {
  it("holds up with the order's email in any case and quantities up to what can be withdrawn", () => {
    expect(
      withdrawalProblems(order, {
        name: "Anna de Vries",
        email: "  anna@EXAMPLE.com ",
        items: [
          { id: "ordli_shirt", quantity: 2 },
          { id: "ordli_socks", quantity: 1 },
        ],
      })
    ).toEqual([])
  })

  it("is refused field by field, saying why", () => {
    expect(
      messages({
        name: " ",
        email: "someone@example.com",
        items: [
          { id: "ordli_shirt", quantity: 3 },
          { id: "ordli_beans", quantity: 1 },
          { id: "ordli_bag", quantity: 1 },
          { id: "ordli_other", quantity: 1 },
          { id: "ordli_shirt", quantity: 1 },
          { id: "ordli_socks", quantity: 2 },
        ],
      })
    ).toEqual([
      "name is required: the name of the customer who withdraws",
      "email: this is not the email address of order #1042; state the address the order was placed with",
      'items[0]: quantity 3 is more than the 2 of "Linen Shirt" that can be withdrawn',
      'items[1]: "Organic Coffee Beans" cannot be withdrawn: quickly perishable (Article 16(d))',
      'items[2]: "Canvas Tote Bag" cannot be withdrawn: its withdrawal period ended on October 1, 2026',
      "items[3]: ordli_other is not an item of order #1042",
      "items[4]: ordli_shirt is named twice; give each item once with its quantity",
      'items[5]: quantity 2 is more than the 1 of "Wool Socks" that can be withdrawn',
    ])
    expect(messages({ name: "Anna", email: "anna@example.com", items: [] })).toEqual(["items needs at least one item to withdraw"])
    expect(messages({ name: "Anna", email: "anna@example.com", items: [{ id: "ordli_shirt", quantity: 0 }] })).toEqual([
      "items[0]: quantity must be a whole number of at least 1",
    ])
  })

  it("is refused for a canceled order", () => {
    expect(messages({ name: "Anna", email: "anna@example.com", items: [{ id: "ordli_shirt", quantity: 1 }] }, { ...order, canceled: true })).toEqual([
      "order: order #1042 was canceled, so there is nothing to withdraw from",
    ])
  })
})

it("says why an item cannot be withdrawn in the customer's language", () => {
  const dutch = translator("nl-NL")
  expect(notWithdrawableText(order.items[1], dutch)).toBe("snel bederfelijk (artikel 16, onder d)")
  expect(notWithdrawableText(order.items[2], dutch)).toBe("de herroepingstermijn liep af op 1 oktober 2026")
  expect(notWithdrawableText(item("x", "X", { reason: "not_sent" }), translator("de"))).toBe(
    "es wurde noch nicht verschickt; melde dich bei uns, um es zu stornieren"
  )
})
