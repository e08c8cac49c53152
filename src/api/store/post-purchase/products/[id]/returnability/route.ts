import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { PRODUCT_SELECTOR_FIELDS } from "../../../../../../lib/return-policy"
import {
  policyInForce,
  requestSalesChannels,
  sendCacheable,
  storeRegion,
  storeReturnabilityView,
} from "../../../../../utils/store-return-policy"
import type { StoreReturnPolicyQueryType } from "../../../validators"

/**
 * Whether a published product of the key's sales channel can be returned when
 * bought in the region: why not, the window from delivery, the fee, and its
 * `hasMerchantReturnPolicy` JSON-LD. Public and cacheable like the policy.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreReturnPolicyQueryType>, res: MedusaResponse) => {
  const { region_id, sales_channel_id } = req.validatedQuery as StoreReturnPolicyQueryType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({
    entity: "product",
    fields: [...PRODUCT_SELECTOR_FIELDS, "status", "sales_channels.id"],
    filters: { id: req.params.id },
  })
  const sellingChannels = ((product?.sales_channels ?? []) as ({ id: string } | null)[]).flatMap((channel) => (channel ? [channel.id] : []))
  const channels = product ? requestSalesChannels(req, sales_channel_id, sellingChannels) : []
  // unpublished, or not sold through this key: the storefront cannot see it, so neither can this route
  if (!product || product.status !== ProductStatus.PUBLISHED || !channels.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  const region = await storeRegion(req.scope, region_id)
  const policy = await policyInForce(req.scope, region, channels)
  sendCacheable(req, res, { returnability: await storeReturnabilityView(req.scope, region, channels, policy, product) })
}
