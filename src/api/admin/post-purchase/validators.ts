import { z } from "@medusajs/framework/zod"
import { DEFAULTS } from "../../../lib/defaults"

export const AdminUpdateFlow = z
  .object({
    enabled: z.boolean().optional(),
    delay_seconds: z
      .number()
      .int("delay_seconds must be a whole number of seconds")
      .min(0, "delay_seconds cannot be negative")
      .max(DEFAULTS.maxDelaySeconds, `delay_seconds can be at most ${DEFAULTS.maxDelaySeconds} (365 days)`)
      .optional(),
  })
  .strict()
  .refine((body) => body.enabled !== undefined || body.delay_seconds !== undefined, {
    message: "Send enabled, delay_seconds or both",
  })
export type AdminUpdateFlowType = z.infer<typeof AdminUpdateFlow>

export const AdminListFollowups = z
  .object({
    order_id: z.string().min(1, "order_id is required"),
  })
  .strict()
export type AdminListFollowupsType = z.infer<typeof AdminListFollowups>
