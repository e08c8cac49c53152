import type { GroupCustomerPair, ICustomerModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltySettings } from "../../../modules/loyalty/settings"

export type MoveTierGroupMembersStepInput = { settings: LoyaltySettings }

type Moves = { added: GroupCustomerPair[]; removed: GroupCustomerPair[] }

// members are moved a page at a time, so a tier of any size is read in bounded queries
const PAGE = 500

const groupsByTier = (settings: LoyaltySettings) => new Map(settings.tiers.levels.map((level) => [level.id, level.customer_group_id ?? null]))

export const moveTierGroupMembersStepId = "pp-move-tier-group-members"

/**
 * When the programme is saved with a tier mapped to another customer group,
 * or a tier removed, the tier's members leave its old group and join the new
 * one (if any). Only a tier's old group is ever left: the members' other
 * groups, and groups that were never a tier's, are not touched. Undone by
 * putting every membership it changed back.
 */
export const moveTierGroupMembersStep = createStep(
  moveTierGroupMembersStepId,
  async ({ settings }: MoveTierGroupMembersStepInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const before = groupsByTier((await loyalty.loyaltyProgramme()).settings)
    const after = groupsByTier(settings)
    const remapped = [...before.keys()].filter((tier) => before.get(tier) !== (after.get(tier) ?? null))
    const moves: Moves = { added: [], removed: [] }
    if (!remapped.length) {
      return new StepResponse(moves, moves)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    for (let after_: string | null = null; ; ) {
      const members = await loyalty.membersOfTiers(remapped, { limit: PAGE, after: after_ })
      if (!members.length) {
        break
      }
      const { data: customers } = await query.graph({
        entity: "customer",
        fields: ["id", "groups.id"],
        filters: { id: members.map((member) => member.customer_id) },
      })
      const groupsOf = new Map(customers.map((customer: any) => [customer.id as string, new Set<string>((customer.groups ?? []).map((g: any) => g.id))]))
      for (const { customer_id, tier } of members) {
        const groups = groupsOf.get(customer_id)
        if (!groups) {
          continue
        }
        const old = before.get(tier) ?? null
        const next = after.get(tier) ?? null
        if (old && groups.has(old)) {
          moves.removed.push({ customer_id, customer_group_id: old })
        }
        if (next && !groups.has(next)) {
          moves.added.push({ customer_id, customer_group_id: next })
        }
      }
      after_ = members[members.length - 1].customer_id
    }
    const customerModule: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (moves.removed.length) {
      await customerModule.removeCustomerFromGroup(moves.removed)
    }
    if (moves.added.length) {
      await customerModule.addCustomerToGroup(moves.added)
    }
    return new StepResponse(moves, moves)
  },
  async (moves: Moves | undefined, { container }) => {
    if (!moves) {
      return
    }
    const customerModule: ICustomerModuleService = container.resolve(Modules.CUSTOMER)
    if (moves.added.length) {
      await customerModule.removeCustomerFromGroup(moves.added)
    }
    if (moves.removed.length) {
      await customerModule.addCustomerToGroup(moves.removed)
    }
  }
)
