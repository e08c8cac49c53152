import WithdrawalConfirmationEmail, { type WithdrawalConfirmationEmailProps } from "../emails/withdrawal-confirmation"
import { formatAddressLines } from "../emails/components/format"
import type { EmailAddress } from "../emails/types"
import type { WithdrawnItem } from "../modules/post-purchase/types"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { returnCosts } from "./withdrawal-info"
import type { FlowDefinition } from "./types"

/** What the withdrawal workflow puts on the acknowledgement's follow-up, for its email. */
export type WithdrawalFollowupData = {
  withdrawal_id: string
  return_id: string
  /** The name and email the customer stated. */
  name: string
  email: string
  /** ISO 8601 */
  withdrawn_at: string
  items: WithdrawnItem[]
  /** Where the items go back to, when the return's location has an address. */
  return_address: EmailAddress | null
}

/**
 * The acknowledgement of a withdrawal (Directive 2011/83/EU, Article 11a),
 * sent at once. The withdrawal workflow schedules it, with the withdrawal on
 * the follow-up's metadata; no order anchor ever does.
 */
export const withdrawalConfirmationFlow: FlowDefinition<WithdrawalConfirmationEmailProps> = {
  key: "withdrawal-confirmation",
  label: "Withdrawal acknowledgement",
  description: "Confirms a customer's withdrawal from the contract at once: the items, the date and time, and how to send them back.",
  category: "transactional",
  anchor: "placed",
  trigger: "withdrawal",
  describeDueAt: () => "Immediately after the customer withdraws",
  defaultDelaySeconds: 0,
  defaultEnabled: true,
  needsReturnTerms: true,
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: (context) => {
    const base = orderEmailProps(context)
    const data = context.followup?.metadata as WithdrawalFollowupData | null | undefined
    const items = new Map(base.order.items.map((item) => [item.id, item]))
    const policy = context.returnTerms?.policy?.terms
    return {
      ...base,
      withdrawal: data
        ? {
            name: data.name,
            email: data.email,
            withdrawnAt: data.withdrawn_at,
            timeZone: context.options.quietHours.timeZone,
            // titles in the email's language where the order's items have them
            items: data.items.map((line) => ({
              title: items.get(line.line_item_id)?.title ?? line.title,
              variant_title: items.get(line.line_item_id)?.variant_title ?? null,
              quantity: line.quantity,
            })),
          }
        : // a test email with one of the shop's orders: as if its buyer withdrew from all of it now
          {
            name: [base.order.shipping_address?.first_name, base.order.shipping_address?.last_name].filter(Boolean).join(" ") || base.order.email,
            email: base.order.email,
            withdrawnAt: (context.now ?? new Date()).toISOString(),
            timeZone: context.options.quietHours.timeZone,
            items: base.order.items.map((item) => ({ title: item.title, variant_title: item.variant_title, quantity: item.quantity })),
          },
      nextSteps: {
        methods: policy?.return_methods.length ? policy.return_methods : ["mail"],
        ...returnCosts(context.returnTerms?.return_fee ?? null),
        currencyCode: base.order.currency_code,
        returnAddress: data?.return_address ? [context.brand.name, ...formatAddressLines(data.return_address, context.i18n.country)] : null,
      },
    }
  },
  previewProps: (brand, options, i18n) => ({
    ...WithdrawalConfirmationEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    i18n,
    withdrawal: { ...WithdrawalConfirmationEmail.PreviewProps.withdrawal, timeZone: options.quietHours.timeZone },
  }),
  editableCopy: {
    subject: "withdrawalConfirmation.subject",
    preview: "withdrawalConfirmation.preview",
    heading: "withdrawalConfirmation.heading",
    intro: "withdrawalConfirmation.intro",
    button: "withdrawalConfirmation.button",
  },
  subject: ({ order, brand, i18n }) => i18n.t("withdrawalConfirmation.subject", { shopName: brand.name, orderNumber: order.display_id }),
  template: (props) => <WithdrawalConfirmationEmail {...props} />,
}
