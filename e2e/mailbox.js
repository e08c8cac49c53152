/**
 * The demo's mailbox as the browser tests read it: the mailbox provider
 * writes each email as `<stem>.html`, `<stem>.txt` and `<stem>.json` (its
 * recipient, subject and data), the stem starting with the time it was sent.
 */
const assert = require("node:assert/strict")
const fs = require("fs")
const path = require("path")

const MAILBOX = process.env.PP_E2E_MAILBOX

const jsonFiles = () => fs.readdirSync(MAILBOX).filter((file) => file.endsWith(".json"))

/** How many emails the mailbox holds, counting one still being written. */
const countEmails = () => jsonFiles().length

/** The emails in the mailbox, oldest first: each one's `.json` with the `stem` of its files. */
function mailboxEmails() {
  return jsonFiles()
    .sort()
    .map((file) => {
      try {
        return { stem: file.slice(0, -".json".length), ...JSON.parse(fs.readFileSync(path.join(MAILBOX, file), "utf8")) }
      } catch {
        return null // still being written
      }
    })
    .filter(Boolean)
}

/**
 * Waits up to `seconds` for an email that `match` accepts: the oldest such
 * email, or with `newest` the newest.
 */
async function waitForEmail(match, { seconds = 30, newest = false } = {}) {
  for (let i = 0; i < seconds * 10; i++) {
    const emails = mailboxEmails()
    const found = newest ? emails.reverse().find(match) : emails.find(match)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  assert.fail("no such email reached the mailbox")
}

/** An email's HTML (`"html"`) or plain-text part (`"txt"`). */
const emailPart = (email, part) => fs.readFileSync(path.join(MAILBOX, `${email.stem}.${part}`), "utf8")

module.exports = { countEmails, mailboxEmails, waitForEmail, emailPart }
