import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeEmail, POST_PURCHASE_MODULE, type NewConsentRecord } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export const createConsentRecordsStepId = "pp-create-consent-records"

/** Writes consent statements; never changes an earlier one. */
export const createConsentRecordsStep = createStep(
  createConsentRecordsStepId,
  async ({ records }: { records: NewConsentRecord[] }, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const created = await service.createConsentRecords(
      records.map((record) => ({
        ...record,
        email: record.email ? normalizeEmail(record.email) : null,
        given_at: record.given_at ? new Date(record.given_at) : new Date(),
      }))
    )
    return new StepResponse(created, created.map((record) => record.id))
  },
  async (ids, { container }) => {
    if (ids?.length) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteConsentRecords(ids)
    }
  }
)
