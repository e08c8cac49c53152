import { configManager } from "@medusajs/framework/config"
import { initModules } from "@medusajs/test-utils"
import { POST_PURCHASE_MODULE } from ".."

jest.setTimeout(30_000)

const { DB_USERNAME, DB_PASSWORD, DB_HOST, DB_PORT } = process.env
const clientUrl = `postgres://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/postgres`

function boot(options: Record<string, unknown>) {
  return initModules({
    databaseConfig: { clientUrl },
    modulesConfig: {
      [POST_PURCHASE_MODULE]: { resolve: `${__dirname}/..`, options },
    },
    preventConnectionDestroyWarning: true,
  })
}

describe("booting the module", () => {
  it("stops with one message that names the bad option", async () => {
    await expect(boot({ brand: { primaryColor: "teal" } })).rejects.toThrow(
      'medusa-plugin-post-purchase: invalid option "brand.primaryColor": must be a hex colour like #1f2937'
    )
  })

  it("stops outside development without signingKeys, naming the option; a key of 32 characters or more lets it start", async () => {
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = "production"
    try {
      await expect(boot({})).rejects.toThrow('option "signingKeys" is required when NODE_ENV is "production"')
      await expect(boot({ signingKeys: [{ id: "k1", secret: "short" }] })).rejects.toThrow(
        'invalid option "signingKeys.0.secret": must be at least 32 characters'
      )
      const { medusaApp, shutdown } = await boot({ signingKeys: [{ id: "k1", secret: "0123456789abcdef0123456789abcdef" }] })
      try {
        expect(medusaApp.sharedContainer!.resolve(POST_PURCHASE_MODULE).getSigningKeys()).toEqual([
          { id: "k1", secret: "0123456789abcdef0123456789abcdef" },
        ])
      } finally {
        await shutdown()
      }
    } finally {
      process.env.NODE_ENV = nodeEnv
    }
  })

  it("starts with valid options and exposes them, defaults filled in", async () => {
    const { medusaApp, shutdown } = await boot({ brand: { name: "Acme" }, dispatch: { batchSize: 50 } })
    try {
      const service = medusaApp.sharedContainer!.resolve(POST_PURCHASE_MODULE)
      expect(service.getOptions().brand.name).toBe("Acme")
      expect(service.getOptions().dispatch).toEqual(expect.objectContaining({ batchSize: 50, maxAttempts: 5 }))
    } finally {
      await shutdown()
    }
  })

  it("stops when the lease is shorter than the app's SendGrid provider needs, naming both", async () => {
    // the app's medusa-config, as Medusa loads it before the modules
    configManager.loadConfig({
      projectConfig: {
        modules: {
          notification: {
            resolve: "@medusajs/medusa/notification",
            options: {
              providers: [
                {
                  resolve: "medusa-plugin-post-purchase/providers/sendgrid",
                  id: "sendgrid",
                  options: { channels: ["email"], apiKey: "SG.x", from: "shop@acme.test", timeoutMs: 30_000 },
                },
              ],
            },
          },
        },
      },
      baseDir: process.cwd(),
      throwOnValidationError: false,
    })
    await expect(boot({ dispatch: { leaseSeconds: 30 } })).rejects.toThrow(
      'invalid option "dispatch.leaseSeconds": 30 s is too short for the SendGrid provider "sendgrid", whose "connectTimeoutMs" and "timeoutMs" let one send take up to 40 s'
    )
  })
})
