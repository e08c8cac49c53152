import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { liftSuppressionWorkflow } from "../../../../../../workflows/consent/lift-suppression"
import type { AdminLiftSuppressionType } from "../../../validators"

/** Lifts a suppression, with the admin's reason; the row keeps who, when and why. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminLiftSuppressionType>, res: MedusaResponse) => {
  const { result } = await liftSuppressionWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody.reason, lifted_by: `user:${req.auth_context.actor_id}` },
  })
  res.json({ suppression: result[0] })
}
