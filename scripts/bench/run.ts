/**
 * The benchmark's measuring half, run by `scripts/bench.js` through
 * `medusa exec` inside the real app (this repo's medusa-config.ts, the
 * plugin's module, workflows and SendGrid provider from ./src).
 *
 * Env:
 *   PP_BENCH_N        follow-ups to dispatch and to render (default 5000)
 *   PP_BENCH_ORDERS   real orders the follow-ups are spread over (default 20)
 *   PP_BENCH_OUT      file the results are written to as JSON
 *   PP_BENCH_CLAIM_SIZES  not-yet-due rows for the claim experiment (default "10000,200000")
 *   PP_BENCH_CLAIM_REPS   timed claims per size, over all rounds (default 30)
 *   PP_BENCH_CLAIM_ROUNDS alternating 10k/200k rounds (default 3)
 *   PP_BENCH_NOTIFY_SAMPLE  emails of the notification-only diagnostic (default 200)
 *   PP_BENCH_PROFILE  write V8 CPU profiles of the dispatcher phase to this file, and of the
 *                     render-only loop to the same name with `.render` before the extension
 *
 * Progress goes to stderr; only the JSON file is the result.
 */
import fs from "fs"
import inspector from "inspector"
import v8 from "v8"
import vm from "vm"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { renderEmail } from "../../src/emails/render"
import { DISPATCH_ORDER_FIELDS, findFlow, type LoadedOrder } from "../../src/flows"
import { POST_PURCHASE_MODULE, type NewFollowup } from "../../src/modules/post-purchase"
import type PostPurchaseModuleService from "../../src/modules/post-purchase/service"
import { dispatchDueFollowupsWorkflow } from "../../src/workflows/dispatch-due-followups"
import { placeOrder, seedStore } from "../fixtures/store"

const FLOW_KEYS = ["order-confirmation", "thank-you"] as const

const log = (message: string) => process.stderr.write(`  [bench] ${message}\n`)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis))
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

type Knex = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }>
  transaction: () => Promise<Pick<Knex, "raw"> & { rollback: () => Promise<unknown> }>
}

/** The flow and order of the i-th follow-up: the dispatcher and the render-only loop use the same ones. */
const comboOf = (i: number, orderIds: string[]) => ({
  flow: FLOW_KEYS[i % FLOW_KEYS.length],
  order_id: orderIds[i % orderIds.length],
})

export default async function bench({ container }: { container: MedusaContainer }) {
  const N = Number(process.env.PP_BENCH_N || 5000)
  const ORDERS = Number(process.env.PP_BENCH_ORDERS || 20)
  const CLAIM_SIZES = (process.env.PP_BENCH_CLAIM_SIZES || "10000,200000").split(",").map(Number)
  const CLAIM_REPS = Number(process.env.PP_BENCH_CLAIM_REPS || 30)
  const CLAIM_ROUNDS = Number(process.env.PP_BENCH_CLAIM_ROUNDS || 3)
  const NOTIFY_SAMPLE = Math.min(N, Number(process.env.PP_BENCH_NOTIFY_SAMPLE || 200))
  const out = process.env.PP_BENCH_OUT

  const service: PostPurchaseModuleService = container.resolve(POST_PURCHASE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pg: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const options = service.getOptions()

  // ---------------------------------------------------------------- seed
  let t = process.hrtime.bigint()
  const store = await seedStore(container)
  const orderIds: string[] = []
  for (let i = 0; i < ORDERS; i++) {
    const v = store.variants
    orderIds.push(
      await placeOrder(container, store, {
        items: [
          { variant_id: v[i % v.length].id, quantity: 1 + (i % 3) },
          { variant_id: v[(i + 3) % v.length].id, quantity: 1 },
          ...(i % 2 ? [{ variant_id: v[(i + 5) % v.length].id, quantity: 2 }] : []),
        ],
      })
    )
  }
  // exec loads no subscribers, but be safe: whatever order.placed scheduled is not ours
  await sleep(1000)
  await pg.raw("DELETE FROM pp_followup")

  const { data: orderRows } = await query.graph({
    entity: "order",
    fields: ["id", "email", "customer_id"],
    filters: { id: orderIds },
  })
  const orderById = new Map((orderRows as any[]).map((o) => [o.id, o]))
  const now = Date.now()
  const rows: NewFollowup[] = []
  for (let i = 0; i < N; i++) {
    const { flow, order_id } = comboOf(i, orderIds)
    const order = orderById.get(order_id)
    rows.push({
      flow,
      step: i,
      order_id,
      customer_id: order.customer_id ?? null,
      email: order.email,
      anchor_event: "order.placed",
      anchor_at: new Date(now - 60 * 60 * 1000),
      // all due, in the order they were "scheduled"
      send_at: new Date(now - 60 * 1000 - (N - i)),
      idempotency_key: `${order_id}:${flow}:${i}`,
    })
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await service.createMissingFollowups(rows.slice(i, i + 1000))
  }
  await pg.raw("ANALYZE pp_followup")
  const seedMs = ms(t)
  log(`seeded a store, ${ORDERS} orders and ${N} due follow-ups in ${(seedMs / 1000).toFixed(1)}s`)

  // load the orders once, as the dispatcher does, for warm-up and for the render-only loop
  const { data: loaded } = await query.graph({
    entity: "order",
    fields: DISPATCH_ORDER_FIELDS,
    filters: { id: orderIds },
  })
  const loadedById = new Map((loaded as LoadedOrder[]).map((o) => [o.id, o]))
  // exactly what the send step does for one follow-up before it hands the email to the Notification Module
  const renderOne = async (i: number) => {
    const { flow: key, order_id } = comboOf(i, orderIds)
    const flow = findFlow(key)!
    const props = flow.buildProps({ order: loadedById.get(order_id)!, options, brand: options.brand })
    return { subject: flow.subject(props), ...(await renderEmail(flow.template(props))) }
  }
  // warm the renderer (JIT, module init) so neither timed phase pays for it
  for (let i = 0; i < Math.min(N, 200); i++) {
    await renderOne(i)
  }

  // ---------------------------------------------------------------- 1. dispatcher
  const phases = instrument(container, service)
  forceGc()
  const rssBefore = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed
  let peakRss = rssBefore
  let rssSamples = 0
  const sampler = setInterval(() => {
    rssSamples += 1
    peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }, 50)
  const profiler = process.env.PP_BENCH_PROFILE ? await startProfiler() : null
  const cpuBefore = process.cpuUsage()
  t = process.hrtime.bigint()
  const totals = { runs: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 }
  const runMs: number[] = []
  for (;;) {
    const r = process.hrtime.bigint()
    const { result } = await dispatchDueFollowupsWorkflow(container).run({ input: {} })
    runMs.push(ms(r))
    totals.runs += 1
    for (const key of ["claimed", "sent", "retrying", "failed", "skipped"] as const) {
      totals[key] += result[key]
    }
    if (!result.claimed) {
      break
    }
  }
  const dispatchMs = ms(t)
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  phases.stop()
  if (profiler) {
    fs.writeFileSync(process.env.PP_BENCH_PROFILE!, JSON.stringify(await profiler.stop()))
  }
  const maxRssKb = process.resourceUsage().maxRSS
  const heapAfter = { used: process.memoryUsage().heapUsed, after_gc: forceGc() ? process.memoryUsage().heapUsed : null }

  const [{ rows: statusRows }] = [await pg.raw("SELECT status, count(*)::int AS n FROM pp_followup GROUP BY status")]
  const byStatus = Object.fromEntries(statusRows.map((r: any) => [r.status, r.n]))
  const [{ rows: notifRows }] = [
    await pg.raw("SELECT status, count(*)::int AS n FROM notification WHERE trigger_type = 'pp-followup' GROUP BY status"),
  ]
  log(`dispatcher: ${totals.sent}/${N} sent in ${(dispatchMs / 1000).toFixed(1)}s (${totals.runs} workflow runs)`)

  // ---------------------------------------------------------------- 2. render-only
  const renderProfiler = process.env.PP_BENCH_PROFILE ? await startProfiler() : null
  const renderCpuBefore = process.cpuUsage()
  t = process.hrtime.bigint()
  let bytes = 0
  for (let i = 0; i < N; i++) {
    const content = await renderOne(i)
    bytes += content.html.length + content.text.length + content.subject.length
  }
  const renderMs = ms(t)
  const renderCpu = process.cpuUsage(renderCpuBefore)
  if (renderProfiler) {
    fs.writeFileSync(
      process.env.PP_BENCH_PROFILE!.replace(/(\.cpuprofile)?$/, ".render.cpuprofile"),
      JSON.stringify(await renderProfiler.stop())
    )
  }
  log(`render-only: ${N} emails in ${(renderMs / 1000).toFixed(1)}s`)

  // diagnostic: the same renders, `concurrency` at a time as the send step runs them
  const RENDER_SAMPLE = Math.min(N, 1000)
  const concCpuBefore = process.cpuUsage()
  t = process.hrtime.bigint()
  await mapWithConcurrency(
    Array.from({ length: RENDER_SAMPLE }, (_, i) => i),
    options.dispatch.concurrency,
    renderOne
  )
  const concMs = ms(t)
  const concCpu = process.cpuUsage(concCpuBefore)
  const renderConcurrent = {
    emails: RENDER_SAMPLE,
    concurrency: options.dispatch.concurrency,
    ms: concMs,
    emails_per_second: (RENDER_SAMPLE / concMs) * 1000,
    cpu_ms_per_email: (concCpu.user + concCpu.system) / 1000 / RENDER_SAMPLE,
  }
  log(`render-only, ${options.dispatch.concurrency} at a time: ${renderConcurrent.cpu_ms_per_email.toFixed(1)} ms CPU/email`)

  // ---------------------------------------------------------------- diagnostic: the Notification Module alone
  const notifyOnly = await notificationOnly(container, NOTIFY_SAMPLE, renderOne, options)

  // ---------------------------------------------------------------- 3. claim cost vs table size
  const claim = await claimExperiment(service, pg, CLAIM_SIZES, CLAIM_REPS, CLAIM_ROUNDS)

  const result = {
    n: N,
    orders: ORDERS,
    options: { batchSize: options.dispatch.batchSize, concurrency: options.dispatch.concurrency },
    seed_ms: seedMs,
    dispatcher: {
      ms: dispatchMs,
      emails_per_second: (totals.sent / dispatchMs) * 1000,
      ...totals,
      statuses: byStatus,
      notifications: Object.fromEntries(notifRows.map((r: any) => [r.status, r.n])),
      rss_before_mb: mb(rssBefore),
      peak_rss_mb: mb(peakRss),
      rss_samples: rssSamples,
      rss_end_mb: mb(process.memoryUsage().rss),
      max_rss_process_mb: mb(maxRssKb * 1024),
      heap_before_mb: mb(heapBefore),
      heap_end_mb: mb(heapAfter.used),
      heap_end_after_gc_mb: heapAfter.after_gc == null ? null : mb(heapAfter.after_gc),
      cpu_ms: (cpu.user + cpu.system) / 1000,
      workflow_run_ms_median: median(runMs),
      phases: phases.report(dispatchMs, totals.runs),
      statements: phases.statements(),
    },
    render_only: {
      ms: renderMs,
      emails_per_second: (N / renderMs) * 1000,
      cpu_ms: (renderCpu.user + renderCpu.system) / 1000,
      avg_bytes: Math.round(bytes / N),
    },
    render_concurrent: renderConcurrent,
    notification_only: notifyOnly,
    claim,
  }
  if (out) {
    fs.writeFileSync(out, JSON.stringify(result, null, 2))
  } else {
    process.stdout.write(JSON.stringify(result, null, 2) + "\n")
  }
}

/**
 * What the Notification Module costs per email without rendering: the same
 * pre-rendered emails handed to `createNotifications` one per call with the
 * dispatcher's concurrency (what the send step does), and in one call per
 * batch (what it could do). They go to the stub too, marked `pp_bench`, so the
 * dispatcher's correctness check can tell them apart.
 */
async function notificationOnly(
  container: MedusaContainer,
  sample: number,
  renderOne: (i: number) => Promise<{ subject: string; html: string; text: string }>,
  options: ReturnType<PostPurchaseModuleService["getOptions"]>
) {
  const notifications: any = container.resolve(Modules.NOTIFICATION)
  const contents: { subject: string; html: string; text: string }[] = []
  for (let i = 0; i < sample; i++) contents.push(await renderOne(i))
  const payload = (i: number, mode: string) => ({
    to: `notify-${i}@example.com`,
    from: options.from ?? null,
    channel: options.channel,
    template: FLOW_KEYS[i % FLOW_KEYS.length],
    content: contents[i],
    data: { flow: FLOW_KEYS[i % FLOW_KEYS.length] },
    provider_data: { custom_args: { pp_bench: `notify-${mode}` }, categories: ["pp-bench"] },
    trigger_type: "pp-bench",
    idempotency_key: `bench:notify:${mode}:${i}`,
  })
  const measure = async (mode: string, fn: () => Promise<void>) => {
    const cpu = process.cpuUsage()
    const t = process.hrtime.bigint()
    await fn()
    const wall = ms(t)
    const used = process.cpuUsage(cpu)
    return {
      mode,
      emails: sample,
      ms: wall,
      emails_per_second: (sample / wall) * 1000,
      cpu_ms_per_email: (used.user + used.system) / 1000 / sample,
    }
  }
  const indexes = Array.from({ length: sample }, (_, i) => i)
  const single = await measure("one per call", async () => {
    await mapWithConcurrency(indexes, options.dispatch.concurrency, (i) =>
      notifications.createNotifications(payload(i, "single"))
    )
  })
  const batched = await measure(`${options.dispatch.batchSize} per call`, async () => {
    for (let i = 0; i < sample; i += options.dispatch.batchSize) {
      await notifications.createNotifications(indexes.slice(i, i + options.dispatch.batchSize).map((j) => payload(j, "batched")))
    }
  })
  log(
    `notification module only: ${single.cpu_ms_per_email.toFixed(1)} ms CPU/email one per call, ` +
      `${batched.cpu_ms_per_email.toFixed(1)} ms batched`
  )
  return { sample, single, batched }
}

async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Times the dispatcher's sequential parts by wrapping the container's own
 * instances (the workflow steps resolve the same ones). Per-call overhead is a
 * closure and a clock read. `createNotifications` calls overlap (the send step
 * runs `concurrency` of them at once), so their sum is busy time, not wall time.
 */
function instrument(container: MedusaContainer, service: PostPurchaseModuleService) {
  const stats: Record<string, { calls: number; ms: number }> = {}
  const restore: (() => void)[] = []
  // every SQL statement on the app's shared connection (the modules' ORMs use it too), by kind and table
  const statements = new Map<string, { count: number; bytes: number }>()
  const pg: any = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const onQuery = (q: { sql?: string; bindings?: unknown[] }) => {
    const key = statementKind(q.sql ?? "")
    const entry = statements.get(key) ?? { count: 0, bytes: 0 }
    entry.count += 1
    // what goes over the wire, roughly: the statement and its parameters as text
    entry.bytes += (q.sql?.length ?? 0) + (q.bindings ?? []).reduce<number>((sum, b) => sum + sizeOf(b), 0)
    statements.set(key, entry)
  }
  pg.on?.("query", onQuery)
  restore.push(() => pg.off?.("query", onQuery))
  const wrap = (label: string, target: any, method: string) => {
    const original = target[method]
    const hadOwn = Object.prototype.hasOwnProperty.call(target, method)
    stats[label] = { calls: 0, ms: 0 }
    target[method] = async function (this: unknown, ...args: unknown[]) {
      const start = process.hrtime.bigint()
      try {
        return await original.apply(target, args)
      } finally {
        stats[label].calls += 1
        stats[label].ms += ms(start)
      }
    }
    restore.push(() => {
      if (hadOwn) target[method] = original
      else delete target[method]
    })
  }
  wrap("claim (claimDueFollowups)", service, "claimDueFollowups")
  wrap("flow settings (listFlowSettings)", service, "listFlowSettings")
  wrap("orders (query.graph)", container.resolve(ContainerRegistrationKeys.QUERY), "graph")
  wrap("send (createNotifications, overlapping)", container.resolve(Modules.NOTIFICATION), "createNotifications")
  wrap("record outcomes (updateFollowups)", service, "updateFollowups")
  return {
    stop: () => restore.forEach((fn) => fn()),
    statements: () => Object.fromEntries([...statements.entries()].sort((a, b) => b[1].count - a[1].count)),
    report: (totalMs: number, runs: number) =>
      Object.entries(stats).map(([label, s]) => ({
        label,
        calls: s.calls,
        total_ms: Math.round(s.ms),
        per_call_ms: s.calls ? Math.round((s.ms / s.calls) * 100) / 100 : 0,
        share_of_wall: Math.round((s.ms / totalMs) * 1000) / 1000,
      })),
  }
}

/**
 * One claim of 100 due rows with 10k and with 200k not-yet-due rows in the
 * table. Other work on the machine (the claim is a few ms) drifts, so the
 * sizes are measured in alternating rounds: truncate, 100 due + 10k future
 * rows, time; add 190k future rows, time; again. Medians pool all rounds.
 */
async function claimExperiment(service: PostPurchaseModuleService, pg: Knex, sizes: number[], reps: number, rounds: number) {
  const BATCH = 100
  const perRound = Math.max(1, Math.ceil(reps / rounds))
  log(`claim experiment: ${sizes.join(" / ")} not-yet-due rows, ${rounds} rounds of ${perRound} timed claims each`)

  // the real claim statement, captured from the service, for EXPLAIN
  const manager = (service as any).manager_
  let captured: { sql: string; params: unknown[] } | null = null
  const execute = manager.execute
  manager.execute = (sql: string, params: unknown[]) => {
    captured = { sql, params }
    return execute.call(manager, sql, params)
  }

  const bySize = new Map<
    number,
    { times: number[]; serverMs: number[]; buffers: number[]; dueScanBuffers: number[]; ok: boolean; rows: number; indexes: string[]; plan: string | null }
  >(sizes.map((size) => [size, { times: [], serverMs: [], buffers: [], dueScanBuffers: [], ok: true, rows: 0, indexes: [], plan: null }]))

  try {
    for (let round = 0; round < rounds; round++) {
      await pg.raw("TRUNCATE pp_followup")
      // the rows every claim takes: due an hour ago
      await pg.raw(
        `INSERT INTO pp_followup (id, flow, step, order_id, customer_id, email, anchor_event, anchor_at, send_at,
                                  status, attempts, idempotency_key, created_at, updated_at)
         SELECT 'ppfu_bench_due_' || g, 'order-confirmation', 0, 'order_bench_due_' || g, NULL,
                'due' || g || '@example.com', 'order.placed', now() - interval '2 hours',
                now() - interval '1 hour' + g * interval '1 millisecond',
                'scheduled', 0, 'bench:due:' || g, now(), now()
         FROM generate_series(1, ?::int) AS g`,
        [BATCH]
      )
      let inserted = 0
      for (const size of sizes) {
        const entry = bySize.get(size)!
        const t = process.hrtime.bigint()
        // the not-yet-due rows: one statement, due from tomorrow on
        await pg.raw(
          `INSERT INTO pp_followup (id, flow, step, order_id, customer_id, email, anchor_event, anchor_at, send_at,
                                    status, attempts, idempotency_key, created_at, updated_at)
           SELECT 'ppfu_bench_future_' || g,
                  CASE WHEN g % 2 = 0 THEN 'order-confirmation' ELSE 'thank-you' END, 0,
                  'order_bench_' || (g % 5000), NULL, 'future' || g || '@example.com', 'order.placed',
                  now() - interval '1 hour', now() + interval '1 day' + g * interval '1 second',
                  'scheduled', 0, 'bench:future:' || g, now(), now()
           FROM generate_series(?::int, ?::int) AS g`,
          [inserted + 1, size]
        )
        await pg.raw("ANALYZE pp_followup")
        // sets the visibility map, so autovacuum does not wake up in the middle of the timings
        await pg.raw("VACUUM pp_followup")
        const insertMs = ms(t)
        inserted = size

        for (let rep = -2; rep < perRound; rep++) {
          const start = process.hrtime.bigint()
          const claimed = await service.claimDueFollowups({ limit: BATCH, leaseSeconds: 300 })
          const elapsed = ms(start)
          if (rep >= 0) entry.times.push(elapsed)
          if (claimed.length !== BATCH || claimed.some((row: any) => !String(row.id).startsWith("ppfu_bench_due_"))) {
            entry.ok = false
          }
          // give the rows back for the next repetition; VACUUM clears the dead versions from the indexes
          await pg.raw(
            "UPDATE pp_followup SET status = 'scheduled', attempts = 0, locked_until = NULL WHERE status = 'sending'"
          )
          await pg.raw("VACUUM pp_followup")
        }

        const { sql, params } = captured! as { sql: string; params: unknown[] }
        if (round === 0) {
          const { rows: countRows } = await pg.raw("SELECT count(*)::int AS n FROM pp_followup")
          entry.rows = countRows[0].n
          const { rows: planRows } = await pg.raw(`EXPLAIN (FORMAT JSON) ${sql}`, params)
          entry.indexes = [...new Set(collect(planRows[0]["QUERY PLAN"], "Index Name"))]
          const { rows: textRows } = await pg.raw(`EXPLAIN ${sql}`, params)
          entry.plan = textRows.map((r: any) => r["QUERY PLAN"]).join("\n")
        }
        // the server's own view, free of client noise: the claim under EXPLAIN ANALYZE, rolled back
        for (let rep = 0; rep < 3; rep++) {
          const trx = await pg.transaction()
          try {
            const { rows: analyzed } = await trx.raw(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)
            const top = analyzed[0]["QUERY PLAN"][0]
            entry.serverMs.push(top["Execution Time"] + top["Planning Time"])
            entry.buffers.push(top.Plan["Shared Hit Blocks"] + top.Plan["Shared Read Blocks"])
            const dueScan = findNode(top.Plan, (node) => node["Index Name"] === "IDX_pp_followup_due")
            if (dueScan) entry.dueScanBuffers.push(dueScan["Shared Hit Blocks"] + dueScan["Shared Read Blocks"])
          } finally {
            await trx.rollback()
          }
        }
        log(
          `  round ${round + 1}: ${size} not-yet-due rows (set up in ${(insertMs / 1000).toFixed(1)}s), ` +
            `claim median so far ${median(entry.times).toFixed(2)} ms`
        )
      }
    }
  } finally {
    manager.execute = execute
  }

  const results = sizes.map((size) => {
    const e = bySize.get(size)!
    return {
      not_due_rows: size,
      table_rows: e.rows,
      reps: e.times.length,
      median_ms: median(e.times),
      min_ms: Math.min(...e.times),
      max_ms: Math.max(...e.times),
      claimed_ok: e.ok,
      server_median_ms: e.serverMs.length ? median(e.serverMs) : null,
      buffers: e.buffers.length ? median(e.buffers) : null,
      due_scan_buffers: e.dueScanBuffers.length ? median(e.dueScanBuffers) : null,
      indexes: e.indexes,
      plan: e.plan,
    }
  })
  const first = results[0]
  const last = results[results.length - 1]
  return {
    batch: BATCH,
    rounds,
    sizes: results,
    ratio: last.median_ms / first.median_ms,
    server_ratio: last.server_median_ms && first.server_median_ms ? last.server_median_ms / first.server_median_ms : null,
  }
}

function findNode(node: any, match: (node: any) => boolean): any {
  if (!node || typeof node !== "object") return null
  if (match(node)) return node
  for (const child of node.Plans ?? []) {
    const found = findNode(child, match)
    if (found) return found
  }
  return null
}

/** A full garbage collection, to tell retained memory from garbage not yet collected. */
function forceGc(): boolean {
  try {
    v8.setFlagsFromString("--expose-gc")
    const gc = vm.runInNewContext("gc") as () => void
    gc()
    return true
  } catch {
    return false
  }
}

/** A V8 CPU profile of one phase (`npm run bench -- --profile`). */
async function startProfiler() {
  const session = new inspector.Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res)))
    )
  await post("Profiler.enable")
  await post("Profiler.setSamplingInterval", { interval: 1000 })
  await post("Profiler.start")
  return {
    stop: async () => {
      const { profile } = await post("Profiler.stop")
      session.disconnect()
      return profile
    },
  }
}

function sizeOf(value: unknown): number {
  if (value == null) return 0
  if (typeof value === "string") return value.length
  if (typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value)?.length ?? 0
  return String(value).length
}

/** "select notification", "insert pp_followup", "begin", ... */
function statementKind(sql: string): string {
  const text = sql.trim().replace(/\s+/g, " ").toLowerCase()
  const verb = text.split(" ")[0]
  const table =
    verb === "insert"
      ? text.match(/^insert into "?([\w.]+)"?/)?.[1]
      : verb === "update"
        ? text.match(/^update "?([\w.]+)"?/)?.[1]
        : verb === "delete"
          ? text.match(/^delete from "?([\w.]+)"?/)?.[1]
          : text.match(/ from "?([\w.]+)"?/)?.[1]
  return table ? `${verb} ${table}` : verb
}

function collect(node: unknown, key: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collect(child, key, found))
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === key && typeof v === "string") found.push(v)
      else collect(v, key, found)
    }
  }
  return found
}
