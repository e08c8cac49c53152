import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { policyInForce, requestSalesChannels, sendCacheable, storeRegion, storeReturnPolicyView } from "../../../utils/store-return-policy"
import type { StoreReturnPolicyQueryType } from "../validators"

/**
 * The returns policy in force for the publishable key's sales channel and the
 * region (`?region_id=`, else the store's default), with its schema.org
 * JSON-LD. Public and cacheable: a conditional GET with the ETag gets 304.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreReturnPolicyQueryType>, res: MedusaResponse) => {
  const { region_id, sales_channel_id } = req.validatedQuery as StoreReturnPolicyQueryType
  const region = await storeRegion(req.scope, region_id)
  const channels = requestSalesChannels(req, sales_channel_id)
  const policy = await policyInForce(req.scope, region, channels)
  if (!policy) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `The shop has no returns policy for region "${region.name}" and this sales channel yet: the admin saves one on the store's settings page`
    )
  }
  sendCacheable(req, res, { return_policy: await storeReturnPolicyView(req.scope, region, channels, policy) })
}
