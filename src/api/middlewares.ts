import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  AdminFlowParams,
  AdminFollowupIds,
  AdminFollowupParams,
  AdminListFollowups,
  AdminNoQuery,
  AdminUpdateFlow,
} from "./admin/post-purchase/validators"
import { refuseControlCharacters, validateParams } from "./utils/input-guards"

export default defineMiddlewares({
  routes: [
    // every plugin route, whatever its method: no control characters in the path, query or body
    {
      matcher: "/admin/post-purchase/*",
      middlewares: [refuseControlCharacters],
    },
    {
      matcher: "/admin/post-purchase/flows",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/delivery-status",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["GET"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["POST"],
      middlewares: [validateParams(AdminFlowParams)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminUpdateFlow)],
    },
    {
      matcher: "/admin/post-purchase/flows/:key/preview",
      method: ["GET"],
      middlewares: [validateParams(AdminFlowParams), validateAndTransformQuery(AdminNoQuery, {})],
    },
    {
      matcher: "/admin/post-purchase/followups",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListFollowups, {})],
    },
    {
      matcher: "/admin/post-purchase/followups/resend",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminFollowupIds)],
    },
    {
      matcher: "/admin/post-purchase/followups/cancel",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminFollowupIds)],
    },
    {
      matcher: "/admin/post-purchase/followups/:id/*",
      method: ["POST"],
      middlewares: [validateParams(AdminFollowupParams)],
    },
  ],
})
