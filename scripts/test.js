#!/usr/bin/env node
/**
 * `npm test`: unit, module and HTTP integration tests on embedded Postgres
 * (or on DATABASE_URL / DB_* when set). `npm run test:e2e`: the browser tests.
 * Pass a tier (unit, integration:modules, integration:http, e2e) to run one;
 * further arguments go to jest.
 */
const { spawn } = require("child_process")
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
        // one jest process boots a Medusa app per HTTP file (--runInBand), and what each leaves behind adds up
        // past Node's default heap once there are two dozen files; the machines we run on have 24 GiB
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules", "--max-old-space-size=8192"].filter(Boolean).join(" "),
        MEDUSA_DISABLE_TELEMETRY: "true",
        TEST_TYPE: tier,
      }
      console.log(`\n▶ ${tier} tests`)
      const args =
        tier === "e2e"
          ? [path.join(__dirname, "..", "e2e", "run.js"), ...jestArgs]
          : [require.resolve("jest/bin/jest"), "--silent=false", "--runInBand", "--forceExit", ...jestArgs]
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

function withoutUrl({ DATABASE_URL, ...env }) {
  return env
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
