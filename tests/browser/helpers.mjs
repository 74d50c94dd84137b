import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { readLogins } from '../support/logins.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
export const RESULTS = path.resolve(here, '../../test-results')

/** "role login password" lines (tests/support/logins.mjs); the first user of each role wins. */
export function demoLogins() {
  return Object.fromEntries(Object.entries(readLogins()).map(([role, users]) => [role, users[0]]))
}

/** `options`: more of Playwright's context options (ignoreHTTPSErrors for a self-signed cert). */
export async function openBrowser(viewport = { width: 1366, height: 900 }, options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-pw-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport,
    ...options,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  // The server's Content-Security-Policy refusing something the app needs is an error too.
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text()) })
  return {
    context, page, errors,
    async close() { await context.close(); fs.rmSync(dir, { recursive: true, force: true }) },
  }
}

/** Logs in as the first `role` of the demo logins, at BASE_URL unless `base` names another. */
export async function login(page, role, { base = BASE_URL, user = demoLogins()[role] } = {}) {
  const u = user
  if (!u) throw new Error(`no ${role} in demo logins file`)
  await page.goto(base + '/login')
  await page.locator('input[data-test=login-input], [data-test=login-input] input').fill(u.login)
  await page.locator('input[data-test=password-input], [data-test=password-input] input').fill(u.password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
  return u
}

export async function shot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(RESULTS, { recursive: true })
  await page.waitForTimeout(400) // let charts finish their entry animation
  // fullPage: false for drawers and dialogs, which stay where the viewport is.
  await page.screenshot({ path: path.join(RESULTS, name + '.png'), fullPage })
}

/** Wait until the progress table shows data rows (or the empty text) after loading. */
export async function progressRows(page) {
  const table = page.locator('[data-test=progress-table]')
  await table.locator('.el-table__body tbody tr').first().waitFor()
  await page.waitForFunction(() => !document.querySelector('.progress-page .el-loading-mask'))
  return table.locator('.el-table__body tbody tr')
}

export function apiGet(page, p) {
  return page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).json(), '/api/v1' + p)
}
