/**
 * The running demo as the browser tests reach it around the browser: its
 * HTTP API and its database (see run.js for the environment).
 */
const assert = require("node:assert/strict")
const { Client } = require("pg")

const BASE = process.env.PP_E2E_BASE

/** Calls the API: as the demo's admin with `token`, or the storefront with `key`; a GET, or a POST with `body`. Fails the test unless it answers 2xx. */
async function api(urlPath, { token, key, body } = {}) {
  const response = await fetch(`${BASE}${urlPath}`, {
    method: body ? "POST" : "GET",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { "x-publishable-api-key": key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = await response.json()
  assert.ok(response.ok, `${urlPath} → ${response.status}: ${data.message}`)
  return data
}

/** A token of the demo's admin for `api`. */
async function adminToken() {
  return (await api("/auth/user/emailpass", { body: { email: process.env.PP_E2E_EMAIL, password: process.env.PP_E2E_PASSWORD } })).token
}

/** Runs SQL against the demo's database, for what the browser cannot set up or see. */
async function sql(text, values) {
  const client = new Client({ connectionString: process.env.PP_E2E_DATABASE_URL })
  await client.connect()
  try {
    return await client.query(text, values)
  } finally {
    await client.end()
  }
}

module.exports = { api, adminToken, sql }
