/**
 * The dev/test app: a Medusa app whose own `src/` is this plugin. The demo, the
 * integration tests and the browser tests all boot it. A real shop loads the
 * plugin with `plugins: [{ resolve: "medusa-plugin-post-purchase", options }]`
 * instead (see README).
 */
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const sendgridApiKey = process.env.SENDGRID_API_KEY

const emailProvider = sendgridApiKey
  ? {
      resolve: "./src/providers/sendgrid",
      id: "sendgrid",
      options: {
        channels: ["email"],
        apiKey: sendgridApiKey,
        from: process.env.SENDGRID_FROM || "shop@example.com",
        // only the tests and the benchmark point this at a local stub, and shorten its timeouts
        baseUrl: process.env.SENDGRID_BASE_URL,
        timeoutMs: Number(process.env.SENDGRID_TIMEOUT_MS) || undefined,
        connectTimeoutMs: Number(process.env.SENDGRID_CONNECT_TIMEOUT_MS) || undefined,
        categories: ["post-purchase"],
      },
    }
  : {
      resolve: "./src/providers/mailbox",
      id: "mailbox",
      options: {
        channels: ["email"],
        directory: process.env.PP_MAILBOX_DIR || ".mailbox",
      },
    }

/**
 * The plugin's options. The demo and the browser tests add overrides as JSON in PP_OPTIONS
 * (quiet hours and the frequency cap off, so the demo's emails go out whatever the time).
 */
const optionOverrides: Record<string, any> = JSON.parse(process.env.PP_OPTIONS || "{}")

const postPurchaseOptions: Record<string, any> = {
  brand: {
    name: "Acme Outfitters",
    primaryColor: "#0f766e",
    supportEmail: "help@acme.test",
    supportUrl: "http://localhost:8000/help",
    address: "Keizersgracht 1, 1015 CJ Amsterdam",
    newsletterUrl: "http://localhost:8000/newsletter",
    social: [
      { label: "Instagram", url: "https://instagram.com/acme" },
      { label: "Facebook", url: "https://facebook.com/acme" },
    ],
  },
  storefrontUrl: process.env.STORE_URL || "http://localhost:8000",
  backendUrl: process.env.BACKEND_URL || "http://localhost:9000",
  // signs the unsubscribe links; required outside development (openssl rand -hex 32)
  signingKeys: process.env.PP_SIGNING_SECRET ? [{ id: process.env.PP_SIGNING_KEY_ID || "k1", secret: process.env.PP_SIGNING_SECRET }] : [],
}
for (const [section, value] of Object.entries(optionOverrides)) {
  postPurchaseOptions[section] =
    value && typeof value === "object" && !Array.isArray(value) ? { ...postPurchaseOptions[section], ...value } : value
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/post-purchase",
      options: postPurchaseOptions,
    },
    // a shop gets this module with the plugin; like there, it reads the `reviews` section of the plugin's options
    {
      resolve: "./src/modules/reviews",
      options: postPurchaseOptions,
    },
    // the loyalty ledger, rewards and tiers; the shop sets the programme in the admin
    {
      resolve: "./src/modules/loyalty",
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: [emailProvider] },
    },
    // Medusa's Translation module (behind a feature flag in 2.21): product titles in emails come in the customer's language
    ...(process.env.MEDUSA_FF_TRANSLATION === "true" ? [{ resolve: "@medusajs/medusa/translation" }] : []),
  ],
  // Medusa's official loyalty plugin (store credit, gift cards) only when PP_WITH_LOYALTY_PLUGIN=true: the store-credit
  // tests boot with it, while the demo and every other test run without it, which proves the plugin does not depend on it
  plugins: process.env.PP_WITH_LOYALTY_PLUGIN === "true" ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : [],
  featureFlags: { translation: process.env.MEDUSA_FF_TRANSLATION === "true" },
})
