#!/usr/bin/env node
/**
 * `npm run test:package`: what a Medusa developer does with the published
 * package. Builds and packs the plugin, installs the tarball into a separate,
 * fresh Medusa app (its node_modules link to this repo's dependencies, the
 * plugin itself comes only from the tarball), configures it through
 * `plugins: [{ resolve, options }]`, runs `medusa db:migrate`, places an
 * order and dispatches; then boots it with a bad option.
 */
const { spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startPostgres, dbEnv, dropDatabase, createDatabaseIfMissing, ROOT } = require("./db")

const PACKAGE = "medusa-plugin-post-purchase"
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
  } finally {
    await pg.stop()
    fs.rmSync(app, { recursive: true, force: true })
    fs.rmSync(tarball, { force: true })
  }

  const failed = results.filter((ok) => !ok).length
  console.log(`\n${results.length - failed} passed, ${failed} failed`)
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
