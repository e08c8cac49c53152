import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { flowViews } from "../views"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ flows: await flowViews(req.scope) })
}
