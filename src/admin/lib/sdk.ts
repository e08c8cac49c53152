import Medusa from "@medusajs/js-sdk"

/** The admin runs on the same origin as the Medusa server, with the admin's session cookie. */
export const sdk = new Medusa({
  baseUrl: "/",
  debug: false,
  auth: { type: "session" },
})
