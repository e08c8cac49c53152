import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  euWindowProblem,
  isEuCountry,
  type PolicyScope,
  type ProductSelector,
  type ReturnPolicyTerms,
} from "../../../lib/return-policy"

export type CheckReturnPolicyStepInput = { scope: PolicyScope; scope_id: string | null; terms: ReturnPolicyTerms }

export const checkReturnPolicyStepId = "pp-check-return-policy"

type Region = { id: string; name: string; currency_code: string; countries?: { iso_2: string }[] }

/**
 * Checks a policy against the store before it is saved: the scope exists,
 * each fee is in a currency the scope sells in, every excluded tag, type,
 * collection and product exists, and an EU region gets at least the 14 days
 * its consumers are owed. Each refusal is a 400 that names the field.
 *
 * No compensation: it only reads.
 */
export const checkReturnPolicyStep = createStep(
  checkReturnPolicyStepId,
  async ({ scope, scope_id, terms }: CheckReturnPolicyStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const refuse = (message: string) => {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
    }

    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "name", "currency_code", "countries.iso_2"],
      filters: scope === "region" ? { id: scope_id! } : {},
    })
    let currencies: string[]
    if (scope === "region") {
      if (!regions.length) {
        refuse(`scope_id: no region ${scope_id}`)
      }
      currencies = [(regions[0] as Region).currency_code]
    } else {
      if (scope === "sales_channel") {
        const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: scope_id! } })
        if (!channels.length) {
          refuse(`scope_id: no sales channel ${scope_id}`)
        }
      }
      const {
        data: [store],
      } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code"] })
      // the store's currencies, and every region's
      currencies = [
        ...new Set([
          ...((store?.supported_currencies ?? []) as { currency_code: string }[]).map((c) => c.currency_code),
          ...(regions as Region[]).map((region) => region.currency_code),
        ]),
      ]
    }

    for (const fee of terms.return_fees) {
      if (!currencies.includes(fee.currency_code)) {
        refuse(
          `return_fees.currency_code: "${fee.currency_code}" is not a currency of this ${scope === "region" ? "region" : "store"} (${currencies.join(", ") || "none"})`
        )
      }
    }
    if (!terms.free_returns && scope === "region" && !terms.return_fees.length) {
      refuse(`return_fees: returns are not free, so give the fee in ${currencies[0]}`)
    }

    const euRegion = (regions as Region[]).find((region) => (region.countries ?? []).some((c) => isEuCountry(c.iso_2)))
    const euProblem = euWindowProblem(terms.window_days, euRegion?.name ?? null)
    if (euProblem) {
      refuse(euProblem)
    }

    await refuseUnknown(query, "exclusions", terms.exclusions, refuse)
    for (const rule of terms.withdrawal_exceptions) {
      await refuseUnknown(query, "withdrawal_exceptions", rule, refuse)
    }
    return new StepResponse(undefined)
  }
)

const SELECTOR_ENTITIES: [keyof ProductSelector, string, string][] = [
  ["product_ids", "product", "product"],
  ["tag_ids", "product_tag", "product tag"],
  ["type_ids", "product_type", "product type"],
  ["collection_ids", "product_collection", "collection"],
]

async function refuseUnknown(query: any, field: string, selector: ProductSelector, refuse: (message: string) => never | void) {
  for (const [key, entity, what] of SELECTOR_ENTITIES) {
    const ids = selector[key]
    if (!ids.length) {
      continue
    }
    const { data } = await query.graph({ entity, fields: ["id"], filters: { id: ids } })
    const known = new Set((data as { id: string }[]).map((row) => row.id))
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length) {
      refuse(`${field}.${key}: no ${what} ${unknown.join(", ")}`)
    }
  }
}
