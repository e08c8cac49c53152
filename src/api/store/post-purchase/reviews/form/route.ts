import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireReviewLink } from "../../../../../lib/review-form"
import type { StoreReviewFormQueryType } from "../../validators"

/**
 * What a storefront's review form shows for a review link: the item (title,
 * variant, picture), the order's number, the name the review will carry
 * unless changed, and the review of that item when there is one to edit.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreReviewFormQueryType>, res: MedusaResponse) => {
  const link = await requireReviewLink(req.scope, req.validatedQuery.token, { signedInCustomerId: req.auth_context?.actor_id || null })
  res.json({
    form: {
      order: { id: link.order.id, display_id: link.order.display_id },
      item: {
        id: link.item.id,
        product_id: link.item.product_id,
        variant_id: link.item.variant_id,
        title: link.item.title,
        variant_title: link.item.variant_title,
        thumbnail: link.item.thumbnail,
      },
      default_name: link.default_name,
      review: link.existing,
    },
  })
}
