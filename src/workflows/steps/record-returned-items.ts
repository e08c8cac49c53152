import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type NewReturnedItem } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export const recordReturnedItemsStepId = "pp-record-returned-items"

/** Records which of the order's line items are in a return, and how many came back. */
export const recordReturnedItemsStep = createStep(
  recordReturnedItemsStepId,
  async ({ items }: { items: NewReturnedItem[] }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const before = await service.recordReturnedItems(items)
    return new StepResponse(before.length, before)
  },
  // new rows go, updated rows get their earlier quantities back
  async (before, { container }) => {
    if (!before?.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const added = before.filter((row) => !row.existed).map((row) => row.id)
    const updated = before
      .filter((row) => row.existed)
      .map(({ id, requested_quantity, received_quantity }) => ({ id, requested_quantity, received_quantity }))
    if (added.length) {
      await service.deleteReturnedItems(added)
    }
    if (updated.length) {
      await service.updateReturnedItems(updated)
    }
  }
)
