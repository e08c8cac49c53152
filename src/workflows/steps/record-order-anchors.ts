import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type NewOrderAnchor } from "../../modules/post-purchase"
import type PostPurchaseModuleService from "../../modules/post-purchase/service"

export type RecordOrderAnchorsStepInput = { anchors: NewOrderAnchor[] }

export const recordOrderAnchorsStepId = "pp-record-order-anchors"

/**
 * Records when each order's anchor happened, unless it is known already, and
 * returns the times follow-ups count from: the first report always wins.
 */
export const recordOrderAnchorsStep = createStep(
  recordOrderAnchorsStepId,
  async ({ anchors }: RecordOrderAnchorsStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const stored = await service.recordOrderAnchors(anchors)
    const created = stored.flatMap((anchor) => (anchor.created_id ? [anchor.created_id] : []))
    return new StepResponse(stored, created)
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
