#!/usr/bin/env node
/**
 * `npm test`: unit, module and HTTP integration tests on embedded Postgres
 * (or on DATABASE_URL / DB_* when set). `npm run test:e2e`: the browser tests.
 * Pass a tier (unit, integration:modules, integration:http, e2e) to run one;
 * further arguments go to jest.
 */
const { spawn } = require("child_process")
const os = require("os")
const path = require("path")
const { startPostgres, dbEnv } = require("./db")

const TIERS = ["unit", "integration:modules", "integration:http"]

async function main() {
  const [first, ...rest] = process.argv.slice(2)
  const tiers = first && !first.startsWith("-") ? [first] : TIERS
  const jestArgs = first && !first.startsWith("-") ? rest : process.argv.slice(2)

  const needsDb = tiers.some((tier) => tier !== "unit")
  const server = needsDb ? await startPostgres() : null
  let failed = false
  try {
    for (const tier of tiers) {
      const env = {
        ...process.env,
        // test-utils creates and drops its own databases; it reads DB_* only
        ...(server ? withoutUrl(dbEnv(server, "pp_test")) : {}),
        // a jest worker boots a Medusa app per HTTP file, and what each leaves behind adds up past Node's
        // default heap over a dozen files; the machines we run on have 24 GiB
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=8192"].filter(Boolean).join(" "),
        MEDUSA_DISABLE_TELEMETRY: "true",
        TEST_TYPE: tier,
      }
      console.log(`\n▶ ${tier} tests`)
      const args =
        tier === "e2e"
          ? [path.join(__dirname, "..", "e2e", "run.js"), ...jestArgs]
          : [require.resolve("jest/bin/jest"), "--silent=false", `--maxWorkers=${workers()}`, "--forceExit", ...jestArgs]
      // not spawnSync: this process must keep reading the embedded Postgres's output, or it stalls
      const status = await new Promise((resolve) => {
        const child = spawn(process.execPath, args, { stdio: "inherit", env })
        child.on("exit", (code) => resolve(code ?? 1))
      })
      if (status !== 0) {
        failed = true
        break
      }
    }
  } finally {
    await server?.stop()
  }
  process.exit(failed ? 1 : 0)
}

/**
 * Two test files at a time by default: an HTTP test spends much of its time waiting on Postgres and on
 * subscribers, so two side by side finish in 0.6 of the time one after the other on 2 cores (measured:
 * four HTTP files, 126 s in band, 75 s on two workers). Each file gets a database of its own
 * (test-utils names it by worker). PP_TEST_WORKERS=1 runs them in band, for debugging.
 */
function workers() {
  const wanted = Number(process.env.PP_TEST_WORKERS)
  // at most four: each worker holds a Medusa app and its Postgres connections
  return Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(4, Math.max(2, os.availableParallelism() - 1))
}

function withoutUrl({ DATABASE_URL, ...env }) {
  return env
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
