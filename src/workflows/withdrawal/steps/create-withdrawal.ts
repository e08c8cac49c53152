import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type WithdrawalDTO } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"
import type { PreparedWithdrawal } from "./prepare-withdrawal"

export type CreateWithdrawalStepInput = { withdrawal: PreparedWithdrawal; return_id: string }

export const createWithdrawalStepId = "pp-create-withdrawal"

/** Records the withdrawal as the customer stated it, with the return request it became. */
export const createWithdrawalStep = createStep(
  createWithdrawalStepId,
  async ({ withdrawal, return_id }: CreateWithdrawalStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const created = await service.createWithdrawals({
      id: withdrawal.withdrawal_id,
      order_id: withdrawal.order_id,
      return_id,
      customer_id: withdrawal.customer_id,
      name: withdrawal.name,
      email: withdrawal.email,
      // a json column: the lines as a list
      items: withdrawal.items as unknown as Record<string, unknown>,
      withdrawn_at: new Date(withdrawal.withdrawn_at),
      channel: withdrawal.channel,
    })
    return new StepResponse(created as unknown as WithdrawalDTO, created.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
      await service.deleteWithdrawals(id)
    }
  }
)
