import { loyaltySettingsSchema } from "../../modules/loyalty/settings"
import { dueExpiry, expiryBatches, nextExpiry, reminderDue } from "../loyalty-expiry"

const settings = (expiry: object) => loyaltySettingsSchema.parse({ enabled: true, expiry })
const at = (iso: string) => new Date(iso)

describe("expiryBatches", () => {
  it("inactivity: everything available expires months after the last activity; nothing without points or with expiry off", () => {
    const inactivity = settings({ months: 12, mode: "inactivity" })
    const account = { available: 300, last_activity_at: "2026-01-15T10:00:00Z" }
    expect(expiryBatches(inactivity, account, [])).toEqual([{ points: 300, expires_at: at("2027-01-15T10:00:00Z") }])
    expect(expiryBatches(inactivity, { ...account, available: 0 }, [])).toEqual([])
    expect(expiryBatches(settings({ months: 0 }), account, [])).toEqual([])
  })

  it("oldest first: what was spent comes off the oldest batch, each remainder expires months after it was credited", () => {
    const oldest = settings({ months: 12, mode: "oldest_first" })
    const moves = [
      { available_delta: 200, created_at: "2026-01-10T00:00:00Z" },
      { available_delta: 500, created_at: "2026-03-10T00:00:00Z" },
      { available_delta: -250, created_at: "2026-04-01T00:00:00Z" },
    ]
    const batches = expiryBatches(oldest, { available: 450, last_activity_at: null }, moves)
    expect(batches).toEqual([{ points: 450, expires_at: at("2027-03-10T00:00:00Z") }])
    const unspent = expiryBatches(oldest, { available: 700, last_activity_at: null }, moves.slice(0, 2))
    expect(unspent.map((batch) => batch.points)).toEqual([200, 500])
    expect(dueExpiry(unspent, at("2027-02-01T00:00:00Z"))).toEqual({ points: 200, expires_at: at("2027-01-10T00:00:00Z") })
    expect(nextExpiry(unspent, at("2027-02-01T00:00:00Z"))).toEqual({ points: 500, expires_at: at("2027-03-10T00:00:00Z") })
    // a balance below the ledger's credits never expires more than it holds
    expect(expiryBatches(oldest, { available: 100, last_activity_at: null }, moves.slice(0, 2))).toEqual([
      { points: 100, expires_at: at("2027-01-10T00:00:00Z") },
    ])
  })
})

describe("reminderDue", () => {
  const next = { points: 10, expires_at: at("2027-01-15T00:00:00Z") }
  it("within reminder_days of the expiry, never with 0 days", () => {
    expect(reminderDue(settings({ reminder_days: 14 }), next, at("2026-12-31T23:00:00Z"))).toBe(false)
    expect(reminderDue(settings({ reminder_days: 14 }), next, at("2027-01-01T01:00:00Z"))).toBe(true)
    expect(reminderDue(settings({ reminder_days: 0 }), next, at("2027-01-14T00:00:00Z"))).toBe(false)
    expect(reminderDue(settings({ reminder_days: 14 }), null, at("2027-01-14T00:00:00Z"))).toBe(false)
  })
})
