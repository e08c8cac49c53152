/** The admin route that saves a returns policy. */
export const ADMIN_RETURN_POLICY = "/admin/post-purchase/return-policy"

/** A Dutch shop's usual terms, as the admin saves them: 30 days from delivery, €4.95 to send back, by post or in the shop. */
export const DUTCH_RETURN_TERMS = {
  window_days: 30,
  free_returns: false,
  return_fees: [{ currency_code: "eur", amount: 4.95 }],
  return_methods: ["mail", "in_store"],
  refund_methods: ["original_payment"],
  refund_days: 14,
  conditions: ["Unused", "In the original packaging"],
  details_markdown: "## Returns\nSend it back **unused**.",
  policy_url: "https://shop.example/returns",
}
