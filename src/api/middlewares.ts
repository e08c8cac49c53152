import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListFollowups, AdminUpdateFlow } from "./admin/post-purchase/validators"

export default defineMiddlewares({
  routes: [
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateFlow)],
    },
    {
      matcher: "/admin/post-purchase/followups",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListFollowups, {})],
    },
  ],
})
