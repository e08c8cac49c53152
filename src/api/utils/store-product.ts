import type { MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { requestSalesChannels } from "./store-return-policy"

/**
 * The product of a store route's `:id` with `fields`, and the sales channels
 * of the request it is sold through (only `salesChannelId` when the request
 * names one). It must be published and sold through the publishable key's
 * sales channels: any other is a 404, as the storefront cannot see it either.
 */
export async function storeProduct<Product extends { id: string }>(
  req: MedusaStoreRequest,
  fields: string[],
  salesChannelId?: string
): Promise<{ product: Product; channels: string[] }> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [product],
  } = await query.graph({
    entity: "product",
    fields: [...fields, "status", "sales_channels.id"],
    filters: { id: req.params.id },
  })
  const sellingChannels = ((product?.sales_channels ?? []) as ({ id: string } | null)[]).flatMap((channel) => (channel ? [channel.id] : []))
  const channels = product ? requestSalesChannels(req, salesChannelId, sellingChannels) : []
  if (!product || product.status !== ProductStatus.PUBLISHED || !channels.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  return { product: product as unknown as Product, channels }
}
