import { model } from "@medusajs/framework/utils"

/** What an admin changed about a flow; flows without a row use their declared defaults. */
export const FlowSetting = model.define(
  { name: "FlowSetting", tableName: "pp_flow_setting" },
  {
    id: model.id({ prefix: "ppfs" }).primaryKey(),
    flow: model.text().unique(),
    enabled: model.boolean(),
    delay_seconds: model.number(),
    // what a marketing flow's delay counts from, when an admin changed it (placed, shipped, delivered)
    anchor: model.text().nullable(),
    // flow-specific settings (later flows: survey questions, reminder copy, ...)
    options: model.json().nullable(),
  }
)
