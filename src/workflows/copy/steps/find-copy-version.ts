import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type FindCopyVersionStepInput = { flow: string; language: string; version: number }

export const findCopyVersionStepId = "pp-find-copy-version"

/** An earlier version of a flow's copy in one language, or a 404. No compensation: it only reads. */
export const findCopyVersionStep = createStep(
  findCopyVersionStepId,
  async ({ flow, language, version }: FindCopyVersionStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const [found] = await service.listCopyVersions({ flow, language, version })
    if (!found) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `The ${language} copy of "${flow}" has no version ${version}`)
    }
    return new StepResponse(found)
  }
)
