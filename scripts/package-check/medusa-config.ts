// The medusa-config.ts of a separate Medusa app that installs the packed plugin;
// its admin is on, as in a shop, so `medusa build` bundles the plugin's extensions
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "secret", cookieSecret: "secret" },
  },
  plugins: [
    {
      resolve: "medusa-plugin-post-purchase",
      options: {
        brand: {
          name: "Installed Shop",
          primaryColor: process.env.PP_CHECK_COLOUR || "#7c3aed",
        },
        flows: { "thank-you": { delaySeconds: 7200 } },
        // the reviews module's section: every module of the plugin gets these options, each validates its own
        reviews: { autoApprove: false },
        // required outside development: it signs the unsubscribe links
        signingKeys: [{ id: "check", secret: process.env.PP_SIGNING_SECRET || "package-check-only-secret-0123456789abcdef" }],
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "medusa-plugin-post-purchase/providers/mailbox",
            id: "mailbox",
            options: { channels: ["email"], directory: "mailbox" },
          },
        ],
      },
    },
  ],
})
