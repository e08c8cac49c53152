import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { POST_PURCHASE_MODULE, type NewSurveyAnswer, type SurveyAnswerDTO } from "../../../modules/post-purchase"
import type PostPurchaseModuleService from "../../../modules/post-purchase/service"

export type AnswerSurveyStepInput = NewSurveyAnswer

export const answerSurveyStepId = "pp-answer-survey"

/** Stores the order's survey answer, replacing an earlier one; undone by putting that back, or by removing the new one. */
export const answerSurveyStep = createStep(
  answerSurveyStepId,
  async (input: AnswerSurveyStepInput, { container }) => {
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    const { answer, previous } = await service.answerSurvey(input)
    return new StepResponse(answer, { id: answer.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
    if (undo.previous) {
      await service.restoreSurveyAnswer(undo.previous as SurveyAnswerDTO)
    } else {
      await service.deleteSurveyAnswers(undo.id)
    }
  }
)
