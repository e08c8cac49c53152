#!/usr/bin/env node
/**
 * `npm run test:package`: what a Medusa developer does with the published
 * package. Builds and packs the plugin, installs the tarball into a separate,
 * fresh Medusa app (its node_modules link to this repo's dependencies, the
 * plugin itself comes only from the tarball), configures it through
 * `plugins: [{ resolve, options }]`, runs `medusa db:migrate`, places an
 * order and dispatches; then boots it with a bad option. Last, the shop's own
 * production build: `medusa build` bundles the app's admin with the plugin's
 * extensions, `medusa start` serves it, and headless Chromium signs in and
 * finds the plugin's page and order widget (screenshots in .data/package-check).
 */
const { spawn } = require("child_process")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { startPostgres, dbEnv, dropDatabase, createDatabaseIfMissing, ROOT } = require("./db")
const { checkAdminInBrowser } = require("./package-check/admin")

const PACKAGE = "medusa-plugin-post-purchase"
const ADMIN = { email: "admin@shop.test", password: "supersecret" }
// a dot folder, git-ignored like the browser tests' .data/e2e
const ARTIFACTS = path.join(ROOT, ".data", "package-check")
// not 9000, where `npm run demo` serves
const FIRST_PORT = 9100
const results = []

function check(name, ok, detail = "") {
  results.push(ok)
  console.log(`${ok ? "✔" : "✘"} ${name}${detail ? ` — ${detail}` : ""}`)
}

function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    child.on("close", (code) => resolve({ code, output }))
  })
}

/** Like `medusa start`, listens on all interfaces, so a port it finds free is free for the server. */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port)
  })
}

async function freePort(from) {
  for (let port = from; ; port++) {
    if (await portIsFree(port)) return port
  }
}

/**
 * `medusa start` in its own process group, so that stopping it reaches
 * anything it spawned; `ready` resolves once it listens.
 */
function startServer(medusa, { cwd, env, port }) {
  const child = spawn(process.execPath, [medusa, "start", "-p", String(port)], { cwd, env, detached: true })
  // Ctrl-C reaches this process's group, not the server's own one
  const onSignal = () => {
    signalGroup(child, "SIGKILL")
    process.exit(130)
  }
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)
  child.once("exit", () => {
    process.off("SIGINT", onSignal)
    process.off("SIGTERM", onSignal)
  })
  let output = ""
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("not ready after 120 s")), 120_000)
    const read = (chunk) => {
      output += chunk
      if (output.includes(`Server is ready on port: ${port}`)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on("data", read)
    child.stderr.on("data", read)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`exited (${code}) before it was ready`))
    })
  })
  return { child, ready, output: () => output }
}

/** Asks the server's process group to shut down, and kills what is left after 15 s. */
async function stopServer(child) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve))
    signalGroup(child, "SIGTERM")
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
  }
  signalGroup(child, "SIGKILL")
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch (e) {
    if (e.code !== "ESRCH") throw e
  }
}

/** A fresh app folder whose node_modules has this repo's dependencies and the packed plugin. */
function makeApp(tarball) {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), "pp-app-"))
  const modules = path.join(app, "node_modules")
  fs.mkdirSync(path.join(modules, "@medusajs"), { recursive: true })
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === "@medusajs" || entry === PACKAGE) continue
    fs.symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry))
  }
  for (const entry of fs.readdirSync(path.join(ROOT, "node_modules", "@medusajs"))) {
    fs.symlinkSync(path.join(ROOT, "node_modules", "@medusajs", entry), path.join(modules, "@medusajs", entry))
  }
  fs.mkdirSync(path.join(modules, PACKAGE))
  return { app, modules, tarball }
}

async function main() {
  const started = Date.now()
  const medusa = require.resolve("@medusajs/cli/cli.js")
  const version = require("../package.json").version

  const build = await run(process.execPath, [medusa, "plugin:build"], { cwd: ROOT })
  check("medusa plugin:build", build.code === 0, build.code ? build.output.slice(-2000) : "")
  const pack = await run("npm", ["pack", "--pack-destination", os.tmpdir()], { cwd: ROOT })
  const tarball = path.join(os.tmpdir(), `${PACKAGE}-${version}.tgz`)
  check("npm pack", pack.code === 0 && fs.existsSync(tarball))

  const { app, modules } = makeApp(tarball)
  await run("tar", ["xzf", tarball, "-C", path.join(modules, PACKAGE), "--strip-components=1"])
  const shipped = await run("tar", ["tzf", tarball])
  check("the package ships no tests", !/__tests__|integration-tests|\.spec\./.test(shipped.output))
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({ name: "shop", private: true, dependencies: { "@medusajs/medusa": "2.21.2", "@medusajs/framework": "2.21.2", "@medusajs/cli": "2.21.2", [PACKAGE]: version } })
  )
  fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2021", module: "Node16", moduleResolution: "Node16", esModuleInterop: true, skipLibCheck: true, jsx: "react-jsx" } }))
  fs.copyFileSync(path.join(__dirname, "package-check", "medusa-config.ts"), path.join(app, "medusa-config.ts"))
  fs.copyFileSync(path.join(__dirname, "package-check", "check.ts"), path.join(app, "check.ts"))
  fs.copyFileSync(path.join(__dirname, "fixtures", "store.ts"), path.join(app, "store.ts"))

  const pg = await startPostgres()
  try {
    await dropDatabase(pg, "pp_package")
    await createDatabaseIfMissing(pg, "pp_package")
    const env = { ...process.env, ...dbEnv(pg, "pp_package"), MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "development" }

    const migrate = await run(process.execPath, [medusa, "db:migrate"], { cwd: app, env })
    check("medusa db:migrate runs the plugin's migrations", migrate.code === 0 && /MODULE: postPurchase/.test(migrate.output), migrate.code ? migrate.output.slice(-2000) : "")
    // Medusa registers a plugin's modules itself: the app lists neither under `modules`
    check("medusa db:migrate runs the reviews module's migrations", migrate.code === 0 && /MODULE: reviews/.test(migrate.output))

    const out = path.join(app, "result.json")
    const exec = await run(process.execPath, [medusa, "exec", "./check.ts"], { cwd: app, env: { ...env, PP_CHECK_OUT: out } })
    const result = exec.code === 0 ? JSON.parse(fs.readFileSync(out, "utf8")) : null
    check("an order placed in the app schedules its follow-ups", result?.followups.length === 2, exec.code ? exec.output.slice(-2000) : "")
    check(
      "the plugin's options reach it (thank-you after 7200 s)",
      result?.followups.some((f) => f.flow === "thank-you" && f.delay_seconds === 7200)
    )
    check("the dispatcher sends the confirmation", result?.dispatch.sent === 1, JSON.stringify(result?.dispatch))
    const mailbox = path.join(app, "mailbox")
    const html = fs.existsSync(mailbox) ? fs.readdirSync(mailbox).filter((f) => f.endsWith("-order-confirmation-1.html")) : []
    check(
      "the email carries the brand from the options",
      html.length === 1 && fs.readFileSync(path.join(mailbox, html[0]), "utf8").includes("Installed Shop")
    )

    const bad = await run(process.execPath, [medusa, "exec", "./check.ts"], {
      cwd: app,
      env: { ...env, PP_CHECK_COLOUR: "purple", PP_CHECK_OUT: out },
    })
    check(
      "a bad option stops the app with a message naming it",
      bad.code !== 0 && bad.output.includes('medusa-plugin-post-purchase: invalid option "brand.primaryColor"')
    )

    await checkAdmin({ medusa, app, modules, env, orderId: result?.order_id })
  } finally {
    await pg.stop()
    fs.rmSync(app, { recursive: true, force: true })
    fs.rmSync(tarball, { force: true })
  }

  const failed = results.filter((ok) => !ok).length
  console.log(`\n${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`)
  process.exit(failed ? 1 : 0)
}

/**
 * The shop's production build and server, as Medusa documents them: `medusa
 * build`, then `medusa start` in `.medusa/server` with NODE_ENV=production;
 * then the admin in Chromium. Stops the server before it returns.
 */
async function checkAdmin({ medusa, app, modules, env, orderId }) {
  const user = await run(process.execPath, [medusa, "user", "-e", ADMIN.email, "-p", ADMIN.password], { cwd: app, env })
  check("medusa user creates the shop's admin user", user.code === 0, user.code ? user.output.slice(-2000) : "")

  const buildStarted = Date.now()
  const build = await run(process.execPath, [medusa, "build"], {
    cwd: app,
    env: {
      ...env,
      // without it, Medusa's CLI runs the build with NODE_ENV=development and vite bundles React's development build
      NODE_ENV: "production",
      // Tailwind finds the plugin's classes with require.resolve from @medusajs/admin-bundler, whose
      // real path is in this repo's node_modules, where the plugin is not; in a shop they share one node_modules
      NODE_PATH: modules,
    },
  })
  const dist = path.join(app, ".medusa", "server")
  const built = build.code === 0 && fs.existsSync(path.join(dist, "public", "admin", "index.html"))
  check(
    "medusa build builds the app and its admin",
    built,
    built ? `${Math.round((Date.now() - buildStarted) / 1000)} s` : build.output.slice(-2000)
  )
  if (!built || !orderId) return

  // stands in for `npm install` in .medusa/server: the same package.json, so the same packages
  fs.symlinkSync(modules, path.join(dist, "node_modules"))
  const port = await freePort(FIRST_PORT)
  fs.rmSync(ARTIFACTS, { recursive: true, force: true })
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const server = startServer(medusa, { cwd: dist, env: { ...env, NODE_ENV: "production" }, port })
  try {
    const notReady = await server.ready.then(() => null, (e) => e)
    check(`medusa start serves the built app on port ${port}`, !notReady, notReady ? `${notReady.message}\n${server.output().slice(-2000)}` : "")
    if (notReady) return
    await checkAdminInBrowser({ base: `http://localhost:${port}`, ...ADMIN, orderId, artifacts: ARTIFACTS, check }).catch((e) =>
      check("headless Chromium opens the app's admin", false, e.message)
    )
  } finally {
    await stopServer(server.child)
    fs.writeFileSync(path.join(ARTIFACTS, "server.log"), server.output())
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
