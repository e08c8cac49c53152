import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailAddress } from "../../../emails/types"
import { loadWithdrawalOrder, withdrawalProblemMessage, withdrawalProblems, type WithdrawalRequest } from "../../../lib/withdrawal"
import { POST_PURCHASE_MODULE, type WithdrawalChannel, type WithdrawnItem } from "../../../modules/post-purchase"
import type { PluginOptions } from "../../../modules/post-purchase/options"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type PrepareWithdrawalStepInput = WithdrawalRequest & {
  order_id: string
  channel: WithdrawalChannel
  /** The signed-in customer who withdraws: only from their own orders. Null for a guest with the link. */
  customer_id?: string | null
}

/** A withdrawal that holds up, with what its return request needs. */
export type PreparedWithdrawal = {
  /** The withdrawal's id, chosen now so the return can name it. */
  withdrawal_id: string
  order_id: string
  order_display_id: number
  /** The order's email and customer: the acknowledgement goes there. */
  order_email: string
  order_customer_id: string | null
  /** The signed-in customer who withdrew; null for a guest with the link. */
  customer_id: string | null
  name: string
  email: string
  channel: WithdrawalChannel
  withdrawn_at: string
  items: WithdrawnItem[]
  /** Where the items go back to: the return option's location, else where the order was sent from. */
  location_id: string | null
  return_address: EmailAddress | null
  /** The return shipping option; null when the shop has none, and the admin completes the request. */
  shipping_option_id: string | null
  /** What the return shipping costs the customer by the order's policy (0 when free); null to take the option's price. */
  shipping_amount: number | null
}

export const prepareWithdrawalStepId = "pp-prepare-withdrawal"

/**
 * Checks a request to withdraw against the order's return terms (every item
 * must be returnable, in a quantity that was sent and is not already coming
 * back; the stated email must be the order's; the order not canceled): a 400
 * naming each refused field otherwise, before anything is written. Then
 * finds the return shipping option (the one in the options, else the
 * region's return option for the order's address) and the location the
 * items go back to.
 *
 * No compensation: it only reads.
 */
export const prepareWithdrawalStep = createStep(
  prepareWithdrawalStepId,
  async (input: PrepareWithdrawalStepInput, { container }) => {
    const now = new Date()
    const order = await loadWithdrawalOrder(container, input.order_id, now)
    // another customer's order is as good as none
    if (!order || (input.customer_id && order.customer_id !== input.customer_id)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${input.order_id} was not found`)
    }
    const problems = withdrawalProblems(order, input)
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((problem) => withdrawalProblemMessage(problem, order)).join("; "))
    }

    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const destination = await returnDestination(container, input.order_id, service.getOptions())
    const titles = new Map(order.items.map((item) => [item.id, item.title]))
    return new StepResponse<PreparedWithdrawal>({
      withdrawal_id: generateEntityId(undefined, "ppwd"),
      order_id: order.id,
      order_display_id: order.display_id,
      order_email: order.email,
      order_customer_id: order.customer_id,
      customer_id: input.customer_id ?? null,
      name: input.name.trim(),
      email: input.email.trim(),
      channel: input.channel,
      withdrawn_at: now.toISOString(),
      items: input.items.map((line) => ({ line_item_id: line.id, quantity: line.quantity, title: titles.get(line.id)! })),
      ...destination,
      // the policy's fee, so the refund keeps the promise the confirmation made
      shipping_amount: destination.shipping_option_id ? order.terms.return_fee : null,
    })
  }
)

type ShippingOptionRow = {
  id: string
  price_type?: string
  prices?: { currency_code?: string | null }[]
  service_zone?: { fulfillment_set?: { location?: { id: string; address?: Record<string, string | null> | null } | null } | null } | null
}

const OPTION_FIELDS = [
  "id",
  "price_type",
  "prices.currency_code",
  "service_zone.fulfillment_set.location.id",
  "service_zone.fulfillment_set.location.address.*",
]

/**
 * Where a withdrawal's items go back to, and with which return shipping
 * option: `returns.shippingOptionId` when the shop names one; else a return
 * option (`is_return`) of the order's sales channel that serves its address
 * and has a price in its currency; else none, and the items go back to where
 * the order was sent from.
 */
async function returnDestination(
  container: any,
  orderId: string,
  options: PluginOptions
): Promise<Pick<PreparedWithdrawal, "location_id" | "return_address" | "shipping_option_id">> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code", "sales_channel_id", "shipping_address.country_code", "fulfillments.location_id", "fulfillments.canceled_at"],
    filters: { id: orderId },
  })
  const {
    data: [channel],
  } = order.sales_channel_id
    ? await query.graph({
        entity: "sales_channel",
        fields: ["stock_locations.id", "stock_locations.address.*", "stock_locations.fulfillment_sets.id"],
        filters: { id: order.sales_channel_id },
      })
    : { data: [] }
  const locations = (channel?.stock_locations ?? []) as { id: string; address?: Record<string, string | null> | null; fulfillment_sets?: { id: string }[] }[]

  let option: ShippingOptionRow | undefined
  if (options.returns.shippingOptionId) {
    ;({
      data: [option],
    } = await query.graph({ entity: "shipping_option", fields: OPTION_FIELDS, filters: { id: options.returns.shippingOptionId } }))
    if (!option) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `The return shipping option ${options.returns.shippingOptionId} (option returns.shippingOptionId) does not exist`
      )
    }
  } else {
    const fulfillmentSetIds = locations.flatMap((location) => (location.fulfillment_sets ?? []).map((set) => set.id))
    const country = order.shipping_address?.country_code
    const { data: candidates } =
      fulfillmentSetIds.length && country
        ? await query.graph({
            entity: "shipping_option",
            fields: OPTION_FIELDS,
            filters: {
              fulfillment_set_id: fulfillmentSetIds,
              // the fulfillment module keeps the options whose rules these satisfy, in a zone that serves the address
              context: { is_return: "true", enabled_in_store: "true" },
              address: { country_code: country },
            } as any,
          })
        : { data: [] }
    option = (candidates as ShippingOptionRow[]).find(
      (candidate) =>
        candidate.price_type === "calculated" ||
        (candidate.prices ?? []).some((price) => price.currency_code?.toLowerCase() === order.currency_code.toLowerCase())
    )
  }

  const sentFrom = ((order.fulfillments ?? []) as { location_id: string; canceled_at: string | null }[]).find((f) => !f.canceled_at)?.location_id
  const location = option?.service_zone?.fulfillment_set?.location ?? locations.find((l) => l.id === sentFrom) ?? locations[0] ?? null
  const address = location?.address ?? (location ? locations.find((l) => l.id === location.id)?.address : null)
  return {
    location_id: location?.id ?? sentFrom ?? null,
    return_address: address?.address_1
      ? {
          first_name: null,
          last_name: null,
          company: address.company ?? null,
          address_1: address.address_1 ?? null,
          address_2: address.address_2 ?? null,
          city: address.city ?? null,
          postal_code: address.postal_code ?? null,
          province: address.province ?? null,
          country_code: address.country_code ?? null,
          phone: null,
        }
      : null,
    shipping_option_id: option?.id ?? null,
  }
}
