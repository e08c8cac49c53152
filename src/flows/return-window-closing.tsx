import ReturnWindowClosingEmail, { type ReturnWindowClosingEmailProps } from "../emails/return-window-closing"
import { greetingValues } from "../emails/components/format"
import { sampleReturnsPolicy } from "../emails/sample-data"
import { UNSUBSCRIBE_PATH } from "../lib/unsubscribe"
import { WINDOW_CLOSING_HOUR, windowClosingDueAt, windowClosingSkipReason } from "../lib/window-closing"
import type { PluginOptions } from "../modules/post-purchase/options"
import { EMAIL_ORDER_FIELDS, orderEmailProps } from "./order-data"
import { returnsPolicyProps } from "./returns-policy"
import { orderOf, type FlowDefinition } from "./types"

const days = (count: number) => `${count} day${count === 1 ? "" : "s"}`
const morning = `${String(WINDOW_CLOSING_HOUR).padStart(2, "0")}:00`

function dueInWords(options: PluginOptions): string {
  return `${days(options.returns.windowClosingDays)} before the last day to return, at ${morning} ${options.quietHours.timeZone}`
}

/**
 * A reminder a few days before the order's last day to return, for delivered
 * orders nothing was sent back from. Off until the shop switches it on: a
 * reminder that returns are possible is not what every shop wants to send.
 */
export const returnWindowClosingFlow: FlowDefinition<ReturnWindowClosingEmailProps> = {
  key: "return-window-closing",
  label: "Return window closing",
  description: (options) =>
    `Tells customers who kept everything until when they can still return items, what and how, ` +
    `${days(options.returns.windowClosingDays)} before their last day (plugin option returns.windowClosingDays). Needs a returns policy.`,
  category: "marketing",
  // the window counts from the delivery: reported, or estimated from the shipment
  anchor: "delivered",
  notBeforeDelivery: true,
  defaultDelaySeconds: 0,
  defaultEnabled: false,
  needsReturnTerms: true,
  dueAt: ({ anchorAt, returnTerms, options, now }) =>
    windowClosingDueAt(returnTerms, anchorAt, {
      daysBefore: options.returns.windowClosingDays,
      timeZone: options.quietHours.timeZone,
      now,
    }),
  describeDueAt: dueInWords,
  skipAtSend: ({ order, returnTerms, now }) => windowClosingSkipReason(order.items ?? [], returnTerms, now),
  orderFields: EMAIL_ORDER_FIELDS,
  buildProps: (context) => {
    const props = orderEmailProps(context)
    const terms = context.returnTerms
    const returnable = new Set(terms?.items.filter((item) => item.returnable).map((item) => item.item_id) ?? [])
    return {
      ...props,
      lastDay: terms?.last_day ?? null,
      returnableItems: props.order.items.filter((item) => returnable.has(item.id)),
      returnsPolicy: returnsPolicyProps(orderOf(context), terms),
    }
  },
  previewProps: (brand, options, i18n) => ({
    ...ReturnWindowClosingEmail.PreviewProps,
    brand,
    storefrontUrl: options.storefrontUrl,
    returnsPolicy: sampleReturnsPolicy,
    i18n,
    // what every marketing email carries; a real one holds the recipient's signed token
    unsubscribeUrl: `${options.backendUrl.replace(/\/+$/, "")}${UNSUBSCRIBE_PATH}?token=preview`,
  }),
  editableCopy: {
    subject: "windowClosing.subject",
    preview: "windowClosing.preview",
    heading: "windowClosing.heading",
    intro: "windowClosing.intro",
    button: "windowClosing.button",
  },
  subject: ({ order, brand, i18n }) =>
    i18n.t("windowClosing.subject", { shopName: brand.name, orderNumber: order.display_id, ...greetingValues(order) }),
  template: (props) => <ReturnWindowClosingEmail {...props} />,
}
