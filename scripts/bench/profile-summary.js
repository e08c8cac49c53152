/**
 * Summarises a V8 CPU profile (.cpuprofile) of the dispatcher phase: time by
 * package (self, and inclusive: a sample counts for every package on its
 * stack) and the hottest functions. Used by `npm run bench -- --profile`;
 * open the .cpuprofile itself in Chrome DevTools or speedscope for the rest.
 */
const path = require("path")

const ROOT = path.resolve(__dirname, "..", "..")

function bucketOf(frame) {
  const url = frame.url || ""
  if (!url) {
    // (garbage collector), (program), (idle), (root), native functions
    return frame.functionName.startsWith("(") ? frame.functionName : "(native)"
  }
  if (url.startsWith("node:")) return "node: core"
  const file = url.replace(/^file:\/\//, "")
  const nm = file.lastIndexOf("node_modules/")
  if (nm >= 0) {
    const rest = file.slice(nm + "node_modules/".length).split("/")
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const rel = path.relative(ROOT, file)
  if (!rel.startsWith("..")) return rel.split(path.sep).slice(0, 2).join("/")
  return file
}

/**
 * What a sample was doing, judged by the innermost frame on its stack that
 * belongs to one of these (first match from the leaf up). Async continuations
 * land where they resume: a pg reply is "pg", whoever sent the query.
 */
const ACTIVITIES = [
  ["render (React, react-email, html-to-text, templates)", /react-dom|\/react\/|@react-email|html-to-text|selderee|htmlparser2|domhandler|src\/emails|src\/flows/],
  ["SendGrid client (@sendgrid, axios)", /@sendgrid|axios|follow-redirects|form-data/],
  ["Notification Module service code", /@medusajs\/notification/],
  ["workflow engine", /@medusajs\/orchestration|@medusajs\/workflows-sdk|@medusajs\/workflow-engine/],
  ["plugin module, steps, bench", /src\/modules|src\/workflows|scripts\/bench/],
  ["ORM (MikroORM, knex)", /@mikro-orm|node_modules\/knex\//],
  ["Postgres driver (pg)", /node_modules\/pg\/|node_modules\/pg-protocol\//],
  ["other Medusa framework code", /@medusajs\//],
]

function activityOf(stack) {
  const leaf = stack[0]
  if (leaf.functionName === "(garbage collector)") return "garbage collector"
  for (const frame of stack) {
    for (const [name, re] of ACTIVITIES) if (frame.url && re.test(frame.url)) return name
  }
  return "other (Node core, native, event loop)"
}

function summarize(profile, { top = 15 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id)

  const selfByBucket = new Map()
  const inclByBucket = new Map()
  const selfByFn = new Map()
  const byActivity = new Map()
  const add = (map, key, v) => map.set(key, (map.get(key) || 0) + v)
  let total = 0
  let idle = 0

  const { samples, timeDeltas } = profile
  for (let i = 0; i < samples.length; i++) {
    // a sample's time is the delta to the next sample
    const dt = (timeDeltas[i + 1] ?? 0) / 1000
    const leaf = nodes.get(samples[i])
    if (leaf.callFrame.functionName === "(idle)") {
      idle += dt
      continue
    }
    total += dt
    add(selfByBucket, bucketOf(leaf.callFrame), dt)
    const f = leaf.callFrame
    add(selfByFn, `${f.functionName || "(anonymous)"}  ${bucketOf(f)}${f.url ? `:${f.lineNumber + 1}` : ""}`, dt)
    const stack = []
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) stack.push(nodes.get(id).callFrame)
    add(byActivity, activityOf(stack), dt)
    const seen = new Set()
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
      const b = bucketOf(nodes.get(id).callFrame)
      if (!seen.has(b)) {
        seen.add(b)
        add(inclByBucket, b, dt)
      }
    }
  }
  const rank = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 1000 }))
  return {
    busy_ms: Math.round(total),
    idle_ms: Math.round(idle),
    by_activity: rank(byActivity, 20),
    self_by_package: rank(selfByBucket, top),
    // Node core and native frames sit under almost every async stack; leave them out
    inclusive_by_package: rank(inclByBucket, top + 5)
      .filter((e) => !["(root)", "node: core", "(native)"].includes(e.name))
      .slice(0, top),
    top_functions: rank(selfByFn, top),
  }
}

function formatSummary(s) {
  const pct = (x) => `${(x * 100).toFixed(1).padStart(5)} %`
  const lines = [`CPU profile of the dispatcher phase: ${(s.busy_ms / 1000).toFixed(1)} s busy, ${(s.idle_ms / 1000).toFixed(1)} s idle`]
  const section = (title, rows) => {
    lines.push(`  ${title}`)
    for (const r of rows) lines.push(`    ${pct(r.share)}  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.name}`)
  }
  section("by activity", s.by_activity)
  section("self time by package", s.self_by_package.slice(0, 10))
  section("hottest functions (self)", s.top_functions.slice(0, 10))
  return lines.join("\n")
}

module.exports = { summarize, formatSummary }

if (require.main === module) {
  const file = process.argv[2]
  if (!file) {
    console.error("usage: node scripts/bench/profile-summary.js <file.cpuprofile>")
    process.exit(1)
  }
  console.log(formatSummary(summarize(JSON.parse(require("fs").readFileSync(file, "utf8")))))
}
