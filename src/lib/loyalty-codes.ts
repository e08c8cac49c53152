import { randomInt } from "node:crypto"

/** No 0/O or 1/I: customers read these codes out and type them at checkout. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** `length` characters nobody misreads. */
export function readableCode(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")
}

/** `PREFIX-XXXX-XXXX`: 40 bits, so a collision with another code is far-fetched. */
export const groupedCode = (prefix: string) => `${prefix}-${readableCode(4)}-${readableCode(4)}`
