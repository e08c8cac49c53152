/**
 * JSON-LD for a storefront's `<script type="application/ld+json">`. The
 * browser ends that element at the first `</script`, whatever the JSON says,
 * so text from shoppers (a review titled `</script><script>…`) could close it
 * and run as a script. JSON allows any character as a `\uXXXX` escape, so
 * `<`, `>` and `&` are written that way and the JSON means the same; U+2028
 * and U+2029 too, which older JavaScript parsers read as line breaks.
 */

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g

/** The value as JSON that is safe as the whole content of a `<script type="application/ld+json">`, and parses back to the same value. */
export function jsonLdScript(value: unknown): string {
  const json = JSON.stringify(value)
  if (json === undefined) {
    throw new TypeError("jsonLdScript: the value has no JSON form")
  }
  return json.replace(UNSAFE_IN_SCRIPT, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`)
}
