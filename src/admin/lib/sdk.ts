import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own client settings, as the dashboard builds its client: the
 * admin bundler defines these globals from the app's `admin.backendUrl` and
 * ADMIN_AUTH_TYPE, so an admin hosted apart from the server calls the right
 * host with the same kind of login. An empty backend URL means the admin is
 * served by the server itself.
 */
export const sdk = new Medusa({
  baseUrl: __BACKEND_URL__ || "/",
  debug: false,
  auth: {
    type: __AUTH_TYPE__ ?? "session",
    jwtTokenStorageKey: __JWT_TOKEN_STORAGE_KEY__ || undefined,
  },
})
