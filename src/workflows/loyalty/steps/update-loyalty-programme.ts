import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ProgrammeView } from "../../../modules/loyalty/service"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltySettings } from "../../../modules/loyalty/settings"

export type UpdateLoyaltyProgrammeStepInput = { settings: LoyaltySettings; by: string }

export const updateLoyaltyProgrammeStepId = "pp-update-loyalty-programme"

/** Saves the whole programme; undone by saving the previous one back (the defaults, before the first save). */
export const updateLoyaltyProgrammeStep = createStep(
  updateLoyaltyProgrammeStepId,
  async (input: UpdateLoyaltyProgrammeStepInput, { container }) => {
    const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const previous = await service.loyaltyProgramme()
    const saved = await service.saveLoyaltyProgramme({ settings: input.settings, by: input.by })
    return new StepResponse(saved, previous)
  },
  async (previous: ProgrammeView | undefined, { container }) => {
    if (previous) {
      const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
      await service.saveLoyaltyProgramme({ settings: previous.settings, by: previous.updated_by })
    }
  }
)
