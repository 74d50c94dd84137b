import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
export const RESULTS = path.resolve(here, '../../test-results')

/** "role login password" lines; the first user of each role wins. */
export function demoLogins() {
  const file = process.env.DEMO_LOGINS_FILE
  if (!file) throw new Error('DEMO_LOGINS_FILE is not set (make test sets it)')
  const out = {}
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [role, login, password] = line.trim().split(/\s+/)
    if (!role || role.startsWith('#') || !password) continue
    if (!out[role]) out[role] = { login, password }
  }
  return out
}

export async function openBrowser(viewport = { width: 1366, height: 900 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-pw-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport,
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

export async function login(page, role) {
  const u = demoLogins()[role]
  if (!u) throw new Error(`no ${role} in demo logins file`)
  await page.goto(BASE_URL + '/login')
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
