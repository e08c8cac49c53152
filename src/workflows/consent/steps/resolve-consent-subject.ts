import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Whose consent: a customer's (logged in, or picked by an admin), or a guest's at checkout, bound to the cart. */
export type ConsentSubject = { customer_id: string; cart_id?: string | null } | { cart_id: string; customer_id?: null }

export type ResolvedConsentSubject = {
  email: string | null
  customer_id: string | null
  cart_id: string | null
}

export const resolveConsentSubjectStepId = "pp-resolve-consent-subject"

/**
 * Finds the address a consent is about: the customer's, or for a guest the
 * cart's, which is only known for sure once the cart becomes an order (the
 * record waits for that). A cart that is already an order takes no more
 * checkout consent. No compensation: it only reads.
 */
export const resolveConsentSubjectStep = createStep(
  resolveConsentSubjectStepId,
  async (subject: ConsentSubject, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    if (subject.customer_id) {
      const {
        data: [customer],
      } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: subject.customer_id } })
      if (!customer) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${subject.customer_id}" was not found`)
      }
      return new StepResponse<ResolvedConsentSubject>({
        email: customer.email ?? null,
        customer_id: customer.id,
        cart_id: subject.cart_id ?? null,
      })
    }
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: subject.cart_id! } })
    if (!cart) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `cart_id: no cart with id "${subject.cart_id}"`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `cart_id: the cart "${subject.cart_id}" is already an order`)
    }
    // the address is taken from the order the cart becomes, never from the cart as it is now
    return new StepResponse<ResolvedConsentSubject>({ email: null, customer_id: null, cart_id: cart.id })
  }
)
