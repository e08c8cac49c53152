import { model } from "@medusajs/framework/utils"

/** The longest comment and "what could we do better" answer, in characters. */
export const SURVEY_TEXT_MAX = 2000

/**
 * A buyer's answer to the feedback survey (how likely they are to recommend
 * the shop, 0–10), one per order: answering again updates it.
 */
export const SurveyAnswer = model
  .define(
    { name: "SurveyAnswer", tableName: "pp_survey_answer" },
    {
      id: model.id({ prefix: "ppsa" }).primaryKey(),
      order_id: model.text(),
      // the order's customer; null for a guest order
      customer_id: model.text().nullable(),
      // the address the survey went to, the order's buyer
      email: model.text(),
      // 0 (not likely) to 10 (very likely) to recommend the shop
      score: model.number(),
      // plain text as typed, escaped wherever it is shown
      comment: model.text().nullable(),
      // "what could we do better?", plain text
      improvement: model.text().nullable(),
      // the language the survey was answered in
      locale: model.text().nullable(),
      // the latest answer's time; the NPS period filters on it
      answered_at: model.dateTime(),
    }
  )
  .indexes([
    {
      // one answer per order: answering again updates it
      name: "IDX_pp_survey_answer_order_id",
      on: ["order_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      // the admin's NPS over a period and its latest answers
      name: "IDX_pp_survey_answer_answered_at",
      on: ["answered_at"],
      where: "deleted_at IS NULL",
    },
  ])
  // the last line of defence; the routes refuse anything else with a message that names the field
  .checks([{ name: "pp_survey_answer_score_range", expression: (columns) => `${columns.score} BETWEEN 0 AND 10` }])
