// Every page of every role, at 1440 px and 375 px, in zh-CN and en (issue 9, "Tests"):
//  - no horizontal overflow: document.documentElement.scrollWidth <= innerWidth;
//  - no raw i18n key in the visible text ("status.no_target");
//  - no console error and no uncaught page error;
//  - at 375 px no kit table on D2, D3 and the C pages scrolls sideways (they are card lists);
//  - a screenshot of each under test-results/sweep/<role>-<page>-<locale>-<width>.png.
// The pages are read from web/src/router/*.ts (each route's path and roles), plus a
// customer profile and a meeting detail, whose ids come from the API. One browser, one login
// per role; each page waits for the network to go quiet and the loading masks to go.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'
import { BASE_URL, RESULTS, apiGet, demoLogins, openBrowser } from './helpers.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const WEB = path.resolve(here, '../../web')
const AS_OF = '2026-06-15'
const WIDTHS = [{ width: 1440, height: 900 }, { width: 375, height: 812 }]
const LOCALES = ['zh-CN', 'en']
const ROLES = (process.env.SWEEP_ROLES ?? 'executive,manager,rep').split(',')
const OUT = path.join(RESULTS, 'sweep')

/** The routes of the app: { path, roles } from web/src/router/<area>.ts (roles ALL or a list). */
function routes() {
  const all = fs.readFileSync(path.join(WEB, 'src/router/roles.ts'), 'utf8').match(/ALL: Role\[\] = \[([^\]]*)\]/)[1]
  const list = (s) => [...s.matchAll(/'([a-z]+)'/g)].map((m) => m[1])
  const out = []
  for (const area of ['plan', 'do', 'check', 'act']) {
    const src = fs.readFileSync(path.join(WEB, `src/router/${area}.ts`), 'utf8')
    for (const m of src.matchAll(/path: '([^']+)'[\s\S]*?meta: \{([^}]*)\}/g)) {
      const roles = m[2].match(/roles: (ALL|\[[^\]]*\])/)[1]
      out.push({ path: m[1], roles: list(roles === 'ALL' ? all : roles) })
    }
  }
  return out
}

/** The top-level namespaces of the messages (zh-CN.ts, zh-CN/*.ts, the catalogue's `tables`),
 *  read from the locale modules themselves (TypeScript, transpiled with the web's compiler). */
async function namespaces() {
  const ts = createRequire(path.join(WEB, 'package.json'))('typescript')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-sweep-'))
  const files = ['src/locales/zh-CN.ts', ...fs.readdirSync(path.join(WEB, 'src/locales/zh-CN')).map((f) => `src/locales/zh-CN/${f}`)]
  const names = new Set(['tables'])
  try {
    for (const [i, f] of files.entries()) {
      const js = ts.transpileModule(fs.readFileSync(path.join(WEB, f), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
      const out = path.join(dir, `${i}.mjs`)
      fs.writeFileSync(out, js)
      for (const k of Object.keys((await import(pathToFileURL(out).href)).default)) names.add(k)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return names
}

/** Words of the visible text that look like a message key under one of the namespaces
 *  ("status.no_target", "do.cockpit.overdueAmount"); e-mail addresses and file names are not
 *  keys (their first part is no namespace, or they sit inside an address). */
function rawKeys(text, names) {
  const found = []
  for (const m of text.matchAll(/(?<![\w@.\/-])([a-z][a-zA-Z0-9_]*)((?:\.[a-zA-Z][a-zA-Z0-9_]*)+)(?![\w@\/-]|\.\w)/g)) {
    if (names.has(m[1]) && !/\.(xlsx|csv|pdf|png|json|txt|zip|com|cn)$/.test(m[0])) found.push(m[0])
  }
  return found
}

/** Pages whose tables must not scroll sideways on a phone (issue 9 item 17). */
const CARD_PAGES = /^\/(do\/(process|progress)|check\/)/

/** The data-test names of the visible kit tables that scroll sideways. */
function sidewaysTables(page) {
  return page.evaluate(() => [...document.querySelectorAll('.data-table')].filter((t) => t.offsetParent !== null)
    .filter((t) => [...t.querySelectorAll('.el-table__body-wrapper, .el-table__body-wrapper .el-scrollbar__wrap')].some((w) => w.scrollWidth > w.clientWidth + 1))
    .map((t) => t.querySelector('[data-test]')?.getAttribute('data-test') ?? '?'))
}

/** Waits until no request has been in flight for 150 ms and no loading mask shows. */
async function settle(page, inflight) {
  const start = Date.now()
  let quietSince = Date.now()
  while (Date.now() - start < 15000) {
    await page.waitForTimeout(50)
    if (inflight.size > 0) quietSince = Date.now()
    else if (Date.now() - quietSince >= 150) break
  }
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent !== null), null, { timeout: 15000 }).catch(() => {})
}

/** Opens a page of the app: a full load for the first one, then the router's own navigation
 *  (history.pushState + popstate, as the back button does), which is what a user does. */
async function open(page, url, full) {
  if (full) return page.goto(BASE_URL + url)
  await page.evaluate((u) => {
    history.pushState({ ...history.state, position: (history.state?.position ?? 0) + 1 }, '', u)
    window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
  }, url)
}

/** Ids for the pages with a parameter: a customer and a meeting the role may open. */
async function ids(page) {
  const review = await apiGet(page, `/check/review?period=2026-Q2&as_of=${AS_OF}`)
  const customer = review.blockers?.customers?.rows?.[0]?.id
  const list = await apiGet(page, '/meetings?page_size=50')
  const meeting = (list.meetings.find((m) => m.status === 'open') ?? list.meetings[0])?.id
  return { customer, meeting }
}

function pagesFor(role, { customer, meeting }) {
  const out = []
  for (const r of routes()) {
    if (!r.roles.includes(role)) continue
    if (r.path.includes(':id(')) { if (meeting) out.push({ name: 'meeting', url: `/act/meetings/${meeting}` }); continue }
    if (r.path.includes(':id')) { if (customer) out.push({ name: 'customer', url: `/check/customer/${customer}?as_of=${AS_OF}` }); continue }
    out.push({ name: r.path.replace(/\//g, '-'), url: '/' + r.path })
  }
  return out
}

test('every page of every role: no overflow, no raw key, no console error, at 1440 and 375 px, zh-CN and en', { timeout: 600_000 }, async () => {
  const names = await namespaces()
  fs.mkdirSync(OUT, { recursive: true })
  const logins = demoLogins()
  const b = await openBrowser(WIDTHS[0])
  const { page, context } = b
  const problems = []
  let current = ''
  let watching = false // the login step is not a page of a role (its session check answers 401)
  page.on('console', (m) => { if (watching && m.type() === 'error') problems.push(`${current}: console error: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`${current}: page error: ${e}`))
  const inflight = new Set()
  page.on('request', (r) => inflight.add(r))
  page.on('requestfinished', (r) => inflight.delete(r))
  page.on('requestfailed', (r) => inflight.delete(r))
  let visited = 0
  try {
    for (const role of ROLES) {
      await context.clearCookies()
      current = `${role} login`
      await page.setViewportSize(WIDTHS[0])
      await page.goto(BASE_URL + '/login')
      await page.locator('input[data-test=login-input], [data-test=login-input] input').fill(logins[role].login)
      await page.locator('input[data-test=password-input], [data-test=password-input] input').fill(logins[role].password)
      await page.locator('[data-test=login-submit]').click()
      await page.waitForURL((u) => !u.pathname.startsWith('/login'))
      await settle(page, inflight)
      const pages = pagesFor(role, await ids(page))
      assert.ok(pages.length >= 10, `${role}: ${pages.length} pages`)
      for (const locale of LOCALES) {
        await page.evaluate((l) => localStorage.setItem('salesloop.locale', l), locale)
        for (const size of WIDTHS) {
          await page.setViewportSize(size)
          watching = true
          for (const [i, p] of pages.entries()) {
            current = `${role} ${p.url} ${locale} ${size.width}`
            const t0 = Date.now()
            await open(page, p.url, i === 0)
            await settle(page, inflight)
            const t1 = Date.now()
            const m = await page.evaluate(() => ({
              scroll: document.documentElement.scrollWidth, inner: window.innerWidth, text: document.body.innerText, lang: document.documentElement.lang,
            }))
            if (m.scroll > m.inner) problems.push(`${current}: ${m.scroll} px wide in a ${m.inner} px window`)
            for (const k of rawKeys(m.text, names)) problems.push(`${current}: raw key "${k}"`)
            if (size.width <= 640 && CARD_PAGES.test(p.url)) for (const k of await sidewaysTables(page)) problems.push(`${current}: table ${k} scrolls sideways`)
            if (new URL(page.url()).pathname.startsWith('/login')) problems.push(`${current}: sent to the login page`)
            await page.screenshot({ path: path.join(OUT, `${role}-${p.name}-${locale}-${size.width}.png`), fullPage: true })
            visited++
            if (process.env.SWEEP_TIMING) console.log(`${current}: load ${t1 - t0} ms, check+shot ${Date.now() - t1} ms`)
          }
          watching = false
        }
      }
      await page.evaluate(() => localStorage.setItem('salesloop.locale', 'zh-CN'))
    }
  } finally {
    await b.close()
  }
  assert.ok(visited >= ROLES.length * 2 * 2 * 10, `${visited} page views`)
  assert.deepEqual(problems, [])
})

test('the raw-key matcher: keys under a namespace, not addresses or file names', () => {
  const names = new Set(['status', 'do', 'tables'])
  assert.deepEqual(rawKeys('状态 status.no_target 与 do.cockpit.overdueAmount。', names), ['status.no_target', 'do.cockpit.overdueAmount'])
  assert.deepEqual(rawKeys('mail do.east@example.com, file status.xlsx, site www.status.cn, path /do/progress, 1.5 and e.g. ok', names), [])
  assert.deepEqual(rawKeys('(tables.col.overdue)', names), ['tables.col.overdue'])
})
