import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { PRODUCT_SELECTOR_FIELDS, type SelectableProduct } from "../../../../../../lib/return-policy"
import { policyInForce, sendCacheable, storeRegion, storeReturnabilityView } from "../../../../../utils/store-return-policy"
import { storeProduct } from "../../../../../utils/store-product"
import type { StoreReturnPolicyQueryType } from "../../../validators"

/**
 * Whether a published product of the key's sales channel can be returned when
 * bought in the region: why not, the window from delivery, the fee, and its
 * `hasMerchantReturnPolicy` JSON-LD. Public and cacheable like the policy.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreReturnPolicyQueryType>, res: MedusaResponse) => {
  const { region_id, sales_channel_id } = req.validatedQuery as StoreReturnPolicyQueryType
  const { product, channels } = await storeProduct<SelectableProduct>(req, PRODUCT_SELECTOR_FIELDS, sales_channel_id)
  const region = await storeRegion(req.scope, region_id)
  const policy = await policyInForce(req.scope, region, channels)
  sendCacheable(req, res, { returnability: await storeReturnabilityView(req.scope, region, channels, policy, product) })
}
