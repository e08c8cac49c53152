import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type NewCopyVersion } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export const createCopyVersionStepId = "pp-create-copy-version"

/** Adds the next version of a flow's copy in one language; the latest version is the copy in use. */
export const createCopyVersionStep = createStep(
  createCopyVersionStepId,
  async (input: NewCopyVersion, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const version = await service.appendCopyVersion(input)
    return new StepResponse(version, version.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteCopyVersions(id)
    }
  }
)
