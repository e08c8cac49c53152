/**
 * Runs inside the separate app (`medusa exec`): places an order and dispatches
 * through the installed package only, and writes what happened to PP_CHECK_OUT.
 */
import fs from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { dispatchDueFollowupsWorkflow } from "medusa-plugin-post-purchase/workflows"
import { placeOrder, seedStore } from "./store"

export default async function checkInstalledPlugin({ container }: ExecArgs) {
  const store = await seedStore(container)
  const orderId = await placeOrder(container, store)
  const service = container.resolve("postPurchase") as any
  let followups: any[] = []
  for (let i = 0; i < 100 && followups.length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    followups = await service.listFollowups({ order_id: orderId })
  }
  const { result } = await dispatchDueFollowupsWorkflow(container).run({ input: {} })
  fs.writeFileSync(
    process.env.PP_CHECK_OUT!,
    JSON.stringify({
      order_id: orderId,
      followups: followups.map((f) => ({
        flow: f.flow,
        delay_seconds: (new Date(f.send_at).getTime() - new Date(f.anchor_at).getTime()) / 1000,
      })),
      dispatch: result,
    })
  )
}
