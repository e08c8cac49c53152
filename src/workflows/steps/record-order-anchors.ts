import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type NewOrderAnchor } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type RecordOrderAnchorsStepInput = { anchors: NewOrderAnchor[] }

export const recordOrderAnchorsStepId = "pp-record-order-anchors"

/**
 * Records when each order's anchor happened, unless it is known already: the
 * first report always wins. Workflows run it last, once the follow-ups that
 * count from it are written, since a recorded anchor says the order is handled.
 */
export const recordOrderAnchorsStep = createStep(
  recordOrderAnchorsStepId,
  async ({ anchors }: RecordOrderAnchorsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const created = await service.recordOrderAnchors(anchors)
    return new StepResponse(created, created)
  },
  // only what this run recorded goes; an anchor an earlier run recorded stays
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    await service.deleteOrderAnchors(created)
  }
)
