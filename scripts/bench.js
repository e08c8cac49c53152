#!/usr/bin/env node
/**
 * `npm run bench`: the post-purchase dispatcher measured in the real app, in
 * one run, with no set-up:
 *
 *   1. dispatcher throughput: N due follow-ups sent by the real
 *      dispatchDueFollowupsWorkflow (run until it claims nothing) through the
 *      plugin's SendGrid provider to a local stub; emails/s and peak RSS
 *   2. render-only rate of the same N emails (same flows, orders and props)
 *      and the ratio dispatcher / render-only (target >= 0.6)
 *   3. one claim of 100 due rows with 10k and with 200k not-yet-due rows in
 *      pp_followup; median and the ratio t(200k) / t(10k) (target <= 1.2)
 *
 * plus diagnostics that explain the ratio (SQL per email, Notification Module
 * cost per email, CPU per email). Embedded Postgres (or DATABASE_URL / DB_*),
 * a fresh `pp_bench` database, `medusa db:migrate`, then
 * `medusa exec scripts/bench/run.ts` with NODE_ENV=production (what
 * `medusa start` uses) unless NODE_ENV is set.
 *
 *   npm run bench                      # N = 5000
 *   npm run bench -- --n 500           # quicker
 *   npm run -s bench -- --json         # the results as JSON on stdout (-s keeps npm's banner out)
 *   npm run bench -- --profile [file]  # also V8 CPU profiles of the dispatcher and render-only
 *                                      # phases (default .data/bench-dispatcher.cpuprofile and
 *                                      # .data/bench-dispatcher.render.cpuprofile), summarised;
 *                                      # the profiler slows the measured phases a little
 *
 * Progress goes to stderr. A benchmark reports: it exits 0 whether or not the
 * targets are met, and 1 only when it could not run.
 */
const { spawn } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { startPostgres, dbEnv, createDatabaseIfMissing, dropDatabase, ROOT } = require("./db")
const { startSendgridStub } = require("./fixtures/sendgrid-stub")
const { summarize, formatSummary } = require("./bench/profile-summary")

const DB_NAME = "pp_bench"
const TARGETS = { ratio: 0.6, claimRatio: 1.2 }

function parseArgs(argv) {
  const args = { n: 5000, orders: 20, json: false, profile: null }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [flag, inline] = arg.split("=")
    const value = () => (inline !== undefined ? inline : argv[++i])
    if (flag === "--n") args.n = Number(value())
    else if (flag === "--orders") args.orders = Number(value())
    else if (flag === "--json") args.json = true
    else if (flag === "--profile") {
      const next = inline !== undefined ? inline : argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : null
      args.profile = path.resolve(next || path.join(ROOT, ".data", "bench-dispatcher.cpuprofile"))
    }    else if (flag === "--help" || flag === "-h") {
      console.log("usage: npm run bench -- [--n 5000] [--orders 20] [--json] [--profile [file.cpuprofile]]")
      process.exit(0)
    } else throw new Error(`Unknown argument ${arg}`)
  }
  if (!Number.isInteger(args.n) || args.n < 1) throw new Error("--n must be a positive integer")
  if (!Number.isInteger(args.orders) || args.orders < 1) throw new Error("--orders must be a positive integer")
  return args
}

/** Runs a command, streaming its output to stderr as progress (stdout stays for --json). */
function run(cmd, args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    const onData = (chunk) => {
      output += chunk
      if (!quiet) process.stderr.write(chunk)
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) return resolve(output)
      if (quiet) process.stderr.write(output)
      reject(new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${code}`))
    })
  })
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const progress = (message) => process.stderr.write(`▶ ${message}\n`)
  const started = Date.now()

  const server = await startPostgres({ log: (m) => progress(m) })
  const stub = await startSendgridStub()
  const outFile = path.join(os.tmpdir(), `pp-bench-${process.pid}.json`)
  try {
    progress(`fresh database ${DB_NAME} on ${server.host}:${server.port}`)
    await dropDatabase(server, DB_NAME)
    await createDatabaseIfMissing(server, DB_NAME)

    const env = {
      ...process.env,
      ...dbEnv(server, DB_NAME),
      // what `medusa start` runs with: React's production build, no dev-only checks
      NODE_ENV: process.env.NODE_ENV || "production",
      MEDUSA_DISABLE_TELEMETRY: "true",
      ADMIN_DISABLED: "true",
      LOG_LEVEL: "error",
      // the scheduled job must not dispatch on its own during the run
      PP_DISPATCH_INTERVAL_MS: "86400000",
      SENDGRID_API_KEY: "SG.bench",
      SENDGRID_BASE_URL: stub.url,
      PP_BENCH_N: String(args.n),
      PP_BENCH_ORDERS: String(args.orders),
      PP_BENCH_OUT: outFile,
      ...(args.profile ? { PP_BENCH_PROFILE: args.profile } : {}),
    }
    if (args.profile) fs.mkdirSync(path.dirname(args.profile), { recursive: true })
    const medusa = path.join(ROOT, "node_modules", ".bin", "medusa")

    progress("migrating")
    await run(medusa, ["db:migrate"], env, { quiet: true })

    progress(`measuring N=${args.n} in the app (medusa exec scripts/bench/run.ts)`)
    await run(medusa, ["exec", "./scripts/bench/run.ts"], env)

    const result = JSON.parse(fs.readFileSync(outFile, "utf8"))
    // the notification-only diagnostic's mails are marked pp_bench; the rest are the dispatcher's
    const fromDispatcher = stub.requests.filter((r) => !r.body?.custom_args?.pp_bench)
    const accepted = fromDispatcher.filter((r) => r.status === 202)
    const followups = new Set(accepted.map((r) => r.body?.custom_args?.pp_followup_id).filter(Boolean)).size
    const rowsSent = result.dispatcher.statuses.sent ?? 0
    result.correctness = {
      stub_accepted: accepted.length,
      stub_requests: fromDispatcher.length,
      distinct_followups_accepted: followups,
      diagnostic_requests: stub.requests.length - fromDispatcher.length,
      rows_sent: rowsSent,
      ok: accepted.length === args.n && fromDispatcher.length === args.n && followups === args.n && rowsSent === args.n,
    }
    result.ratio = result.dispatcher.emails_per_second / result.render_only.emails_per_second
    result.cpu_ratio = result.render_only.cpu_ms / args.n / (result.dispatcher.cpu_ms / Math.max(1, result.dispatcher.sent))
    result.targets = {
      dispatcher_vs_render: { target: `>= ${TARGETS.ratio}`, met: result.ratio >= TARGETS.ratio },
      claim_200k_vs_10k: { target: `<= ${TARGETS.claimRatio}`, met: result.claim.ratio <= TARGETS.claimRatio },
    }
    result.total_seconds = (Date.now() - started) / 1000
    if (args.profile) {
      result.profile = { file: args.profile, ...summarize(JSON.parse(fs.readFileSync(args.profile, "utf8"))) }
    }
    result.machine = { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` }

    if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + "\n")
    else printTable(result)
    // kept when the run fails, for a look inside
    await dropDatabase(server, DB_NAME)
  } finally {
    fs.rmSync(outFile, { force: true })
    await stub.close()
    await server.stop()
  }
}

function printTable(r) {
  const d = r.dispatcher
  const ro = r.render_only
  const mark = (ok) => (ok ? "✓" : "✗")
  const f = (x, digits = 1) => Number(x).toFixed(digits)
  const rows = [
    ["Dispatcher throughput", `${f(d.emails_per_second)} emails/s`, "", `${d.sent} sent in ${f(d.ms / 1000)} s, ${d.runs} workflow runs (batch ${r.options.batchSize}, concurrency ${r.options.concurrency})`],
    ["Dispatcher peak RSS", `${f(d.peak_rss_mb)} MB`, "", `${f(d.rss_before_mb)} MB before dispatch; JS heap ${f(d.heap_before_mb)} → ${f(d.heap_end_mb)} MB${d.heap_end_after_gc_mb == null ? "" : ` (${f(d.heap_end_after_gc_mb)} MB after a full GC)`}`],
    ["Dispatcher CPU", `${f((d.cpu_ms / d.ms) * 100, 0)} % of 1 core`, "", `${f(d.cpu_ms / d.sent, 2)} ms CPU per email`],
    ["Render-only rate", `${f(ro.emails_per_second)} emails/s`, "", `${r.n} emails in ${f(ro.ms / 1000)} s, ${f(ro.cpu_ms / r.n, 2)} ms CPU per email, ~${Math.round(ro.avg_bytes / 1024)} KB each`],
    [
      "Dispatcher / render-only",
      f(r.ratio, 2),
      `${mark(r.targets.dispatcher_vs_render.met)} ${r.targets.dispatcher_vs_render.target}`,
      `by CPU per email ${f(r.cpu_ratio, 2)} (less sensitive to other load on the machine)`,
    ],
    [
      `Render-only, ${r.render_concurrent.concurrency} at a time`,
      `${f(r.render_concurrent.emails_per_second)} emails/s`,
      "",
      `diagnostic: ${r.render_concurrent.emails} emails as the send step renders them, ${f(r.render_concurrent.cpu_ms_per_email, 2)} ms CPU per email`,
    ],
    ...[r.notification_only.single, r.notification_only.batched].map((m) => [
      `Notification Module only, ${m.mode}`,
      `${f(m.emails_per_second)} emails/s`,
      "",
      `diagnostic: ${m.emails} pre-rendered emails, ${f(m.cpu_ms_per_email, 2)} ms CPU per email`,
    ]),
    ...r.claim.sizes.map((s) => [
      `Claim ${r.claim.batch} due, ${s.not_due_rows.toLocaleString("en-US")} not due`,
      `${f(s.median_ms, 2)} ms`,
      "",
      `median of ${s.reps} in ${r.claim.rounds} rounds (min ${f(s.min_ms, 2)}, max ${f(s.max_ms, 2)})${s.claimed_ok ? "" : " — WRONG ROWS CLAIMED"}; ` +
        `in Postgres ${f(s.server_median_ms, 2)} ms, ${s.buffers} buffers (due scan ${s.due_scan_buffers})`,
    ]),
    [
      "Claim t(200k) / t(10k)",
      f(r.claim.ratio, 2),
      `${mark(r.targets.claim_200k_vs_10k.met)} ${r.targets.claim_200k_vs_10k.target}`,
      `in Postgres ${f(r.claim.server_ratio, 2)}; index used: ${r.claim.sizes[r.claim.sizes.length - 1].indexes.includes("IDX_pp_followup_due") ? "IDX_pp_followup_due ✓" : "NOT IDX_pp_followup_due ✗"} (${r.claim.sizes[r.claim.sizes.length - 1].indexes.join(", ")})`,
    ],
    [
      "Correctness",
      r.correctness.ok ? "ok" : "MISMATCH",
      mark(r.correctness.ok),
      `stub accepted ${r.correctness.stub_accepted}/${r.n} from the dispatcher (${r.correctness.distinct_followups_accepted} distinct follow-ups, ${r.correctness.stub_requests} requests), rows sent ${r.correctness.rows_sent}/${r.n}`,
    ],
  ]
  const head = ["Measure", "Result", "Target", "Notes"]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)))
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ").trimEnd()
  const out = []
  out.push("")
  out.push(`Post-purchase benchmark — N=${r.n} follow-ups over ${r.orders} orders, ${r.machine.cpus} CPUs, Node ${r.machine.node}`)
  out.push("")
  out.push(line(head))
  out.push(widths.map((w) => "─".repeat(w)).join("  "))
  rows.forEach((row) => out.push(line(row)))
  out.push("")
  out.push(`Where the dispatcher's ${f(d.ms / 1000)} s went (median workflow run ${f(d.workflow_run_ms_median)} ms):`)
  const renderBusy = (ro.ms / r.n) * d.sent
  for (const p of d.phases) {
    out.push(`  ${p.label.padEnd(42)} ${String(p.calls).padStart(6)} calls  ${f(p.total_ms / 1000).padStart(6)} s  ${f(p.per_call_ms, 2).padStart(8)} ms/call  ${f(p.share_of_wall * 100, 0).padStart(3)} % of wall`)
  }
  out.push(`  ${"render (est. from the render-only rate)".padEnd(42)} ${String(d.sent).padStart(6)} calls  ${f(renderBusy / 1000).padStart(6)} s  ${f(ro.ms / r.n, 2).padStart(8)} ms/call  ${f((renderBusy / d.ms) * 100, 0).padStart(3)} % of wall`)
  const stmts = Object.entries(d.statements || {})
  if (stmts.length) {
    const total = stmts.reduce((sum, [, e]) => sum + e.count, 0)
    const bytes = stmts.reduce((sum, [, e]) => sum + e.bytes, 0)
    out.push(`  ${total} SQL statements, ${f(total / d.sent, 1)} (~${f(bytes / d.sent / 1024, 1)} KB) per email; by kind, per email:`)
    out.push(`    ${stmts.slice(0, 8).map(([k, e]) => `${k} ${f(e.count / d.sent, 2)}${e.bytes / e.count > 2048 ? ` (~${f(e.bytes / e.count / 1024, 0)} KB each)` : ""}`).join(", ")}`)
  }
  const cpuPerEmail = d.cpu_ms / d.sent
  const renderCpu = ro.cpu_ms / r.n
  // the dispatcher hands the Notification Module a chunk per call, as the batched diagnostic does
  const notifyCpu = r.notification_only.batched.cpu_ms_per_email
  out.push("")
  out.push(`CPU per email in the dispatcher process: ${f(cpuPerEmail, 1)} ms (${f((d.cpu_ms / d.ms) * 100, 0)} % of one core busy, so its ceiling is ~${f(1000 / cpuPerEmail, 0)} emails/s)`)
  out.push(`  render (render-only loop)                         ${f(renderCpu, 1).padStart(5)} ms   (${r.render_concurrent.concurrency} at a time: ${f(r.render_concurrent.cpu_ms_per_email, 1)} ms)`)
  out.push(`  Notification Module + SendGrid client, batched    ${f(notifyCpu, 1).padStart(5)} ms   (one per call: ${f(r.notification_only.single.cpu_ms_per_email, 1)} ms)`)
  out.push(`  the rest (claim, order load, outcomes, workflow)  ${f(cpuPerEmail - renderCpu - notifyCpu, 1).padStart(5)} ms`)
  out.push(`  for ${TARGETS.ratio}x render-only everything but the render may cost ${f(renderCpu * (1 / TARGETS.ratio - 1), 1)} ms per email`)
  out.push("")
  const last = r.claim.sizes[r.claim.sizes.length - 1]
  out.push(`Claim plan with ${last.not_due_rows.toLocaleString("en-US")} not-yet-due rows (scans only):`)
  out.push(...(last.plan || "").split("\n").filter((l) => /Scan using|Seq Scan/.test(l)).map((l) => `  ${l.trim()}`))
  out.push("")
  if (r.profile) {
    out.push(formatSummary(r.profile))
    out.push(`  (profile: ${r.profile.file}; the profiler was on, so the dispatcher figures above are a little low)`)
    out.push("")
  }
  out.push(`Total ${f(r.total_seconds, 0)} s (seeding ${f(r.seed_ms / 1000)} s). Targets are reported, not enforced.`)
  console.log(out.join("\n"))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
