#!/usr/bin/env node
/**
 * `npm run test:e2e`: starts the demo (Postgres, Medusa with the plugin and
 * the admin, real orders with their follow-ups), then runs the browser tests
 * (the admin's, the returns policy's, the emails', the feedback survey's, the withdrawal page's,
 * then review moderation's, then the loyalty admin's) in headless Debian Chromium against it, then stops the demo.
 */
const { spawn } = require("child_process")
const path = require("path")
const { serverSettings, dbEnv, DEMO_DATABASE } = require("../scripts/db")

const ROOT = path.resolve(__dirname, "..")

async function main() {
  const demo = spawn(process.execPath, [path.join(ROOT, "scripts", "demo.js")], {
    cwd: ROOT,
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  })
  let output = ""
  const ready = new Promise((resolve, reject) => {
    demo.stdout.on("data", (chunk) => {
      process.stdout.write(chunk)
      output += chunk
      if (/^Admin:/m.test(output)) resolve()
    })
    demo.once("exit", (code) => reject(new Error(`The demo exited (${code}) before the admin was ready`)))
  })

  let status = 1
  try {
    await ready
    // async, so the demo's output keeps flowing while the browser tests run
    const tests = spawn(process.execPath, ["--test", "--test-concurrency=1", ...["admin.test.js", "return-policy.test.js", "emails.test.js", "feedback.test.js", "withdrawal.test.js", "reviews.test.js", "loyalty.test.js"].map((file) => path.join(__dirname, file))], {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        PP_E2E_BASE: "http://localhost:9000",
        PP_E2E_EMAIL: "admin@acme.test",
        PP_E2E_PASSWORD: "supersecret",
        // for fixtures the browser cannot create, e.g. a provider refusing an email
        PP_E2E_DATABASE_URL: dbEnv(serverSettings(), DEMO_DATABASE).DATABASE_URL,
        PP_E2E_MAILBOX: path.join(ROOT, ".mailbox"),
      },
    })
    status = await new Promise((resolve) => tests.on("exit", (code) => resolve(code ?? 1)))
  } catch (e) {
    console.error(e.message)
  } finally {
    if (demo.exitCode === null) {
      const exited = new Promise((resolve) => demo.once("exit", resolve))
      demo.kill("SIGINT")
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
    }
  }
  process.exit(status)
}

main()
