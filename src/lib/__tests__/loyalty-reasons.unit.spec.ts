import { translator } from "../../i18n"
import { ledgerReason, reasonText, undoneReason } from "../loyalty-reasons"

const line = (reason: string, metadata: Record<string, unknown> | null = null) => ({ reason, metadata })
const stored = (made: ReturnType<typeof ledgerReason>) => line(made.reason, { reason: made.reason_ref })

describe("a ledger line's reason", () => {
  it("is kept in English, and told in the customer's language by its key", () => {
    const made = ledgerReason("ledger.itemsReturned", { order: "#1042" })
    expect(made.reason).toBe("Items of order #1042 were returned")
    expect(reasonText(stored(made), translator("nl-NL"))).toBe("Artikelen uit bestelling #1042 zijn geretourneerd")
    expect(reasonText(stored(made), translator("fr-FR"))).toBe("Des articles de la commande #1042 ont été retournés")
    expect(reasonText(stored(ledgerReason("ledger.expiredInactivity", { months: 12 })), translator("de"))).toBe(
      "12 Monate lang keine Punkte gesammelt oder eingelöst"
    )
  })

  it("tells an undo with the reason of the line it undid, or that line's own words", () => {
    const earned = stored(ledgerReason("ledger.orderEarned", { order: "#7" }))
    expect(reasonText(line("Undone (the workflow failed): Order #7", { reverts: "pple_1", reason: undoneReason(earned) }), translator("nl"))).toBe(
      "Teruggedraaid: Bestelling #7"
    )
    const reward = line("€5 off")
    expect(reasonText(line("Undone (the reward could not be created): €5 off", { reason: undoneReason(reward, "ledger.rewardNotCreated") }), translator("en"))).toBe(
      "The reward could not be created, the points are back: €5 off"
    )
    const adjustment = line("Parcel arrived late")
    expect(reasonText(line("Undone: …", { reason: undoneReason(adjustment) }), translator("nl"))).toBe("Teruggedraaid: Parcel arrived late")
  })

  it("is the stored text when the line has no key the catalogs know: an admin's words, an older line", () => {
    expect(reasonText(line("Goodwill for the late parcel"), translator("nl"))).toBe("Goodwill for the late parcel")
    expect(reasonText(line("Order #3", { reason: { key: "ledger.nothingLikeThis" } }), translator("nl"))).toBe("Order #3")
    expect(reasonText(line("Order #3", { reason: { key: "email.footer.questions" } }), translator("nl"))).toBe("Order #3")
  })
})
