import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { answerSurveyStep, type AnswerSurveyStepInput } from "./steps/answer-survey"

export type AnswerSurveyWorkflowInput = AnswerSurveyStepInput

export const answerSurveyWorkflowId = "pp-answer-survey"

/** Records a buyer's answer to an order's feedback survey; answering again updates it. */
export const answerSurveyWorkflow = createWorkflow(answerSurveyWorkflowId, (input: AnswerSurveyWorkflowInput) => {
  const answer = answerSurveyStep(input)
  return new WorkflowResponse(answer)
})
