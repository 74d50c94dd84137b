// Issue 9 items 6 and 14 in the browser: on 1 December the D pages open on November with
// December one click away and D3's projection shown as "—" with the reason; trends draw the
// unfinished month dashed (or faded, for bars); a D3 rep row opens that rep's cockpit.
// The first test runs its own server: a small demo generated as of 2026-12-01, --today 2026-12-01.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_URL, login, openBrowser, shot } from './helpers.mjs'
import { readLogins } from '../support/logins.mjs'

const BIN = process.env.SALESLOOP_BIN ?? path.resolve('build/salesloop')
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

// A server on a new small demo whose data runs to `today`, serving with that today; { base, logins, close }.
async function serverAt(today) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-views-'))
  const db = path.join(dir, 'demo.db'), file = path.join(dir, 'logins.txt')
  fs.writeFileSync(file, execFileSync(BIN, ['demo', '--db', db, '--seed', '3', '--scale', 'small', '--as-of', today], { stdio: ['ignore', 'pipe', 'ignore'] }))
  const logins = readLogins(file)
  const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--today', today, '--web', 'web/dist'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const base = await new Promise((resolve, reject) => {
    let out = ''
    const seen = (chunk) => {
      out += chunk
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/)
      if (m) resolve(m[0])
    }
    child.stdout.on('data', seen)
    child.stderr.on('data', seen)
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)))
    setTimeout(() => reject(new Error('server did not start: ' + out)), 20000)
  })
  return {
    base, logins,
    close() { child.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }) },
  }
}

async function loginAt(page, server, role) {
  const u = server.logins[role][0]
  await page.goto(server.base + '/login')
  await page.locator('input[data-test=login-input], [data-test=login-input] input').fill(u.login)
  await page.locator('input[data-test=password-input], [data-test=password-input] input').fill(u.password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

const monthShown = (page) => page.locator('[data-test=period-picker] .el-date-editor input').first().inputValue()
const settled = (page) => page.waitForFunction(() => !document.querySelector('.el-loading-mask:not([style*="display: none"])'))

test('D3 on 1 December opens on November; December is one click away with no projection yet', async () => {
  const server = await serverAt('2026-12-01')
  try {
    for (const [lang, width] of [['zh', 1440], ['en', 1440], ['zh', 375], ['en', 375]]) {
      const b = await openBrowser({ width, height: 900 })
      const { page } = b
      try {
        await loginAt(page, server, 'executive')
        if (lang === 'en') await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
        await page.goto(server.base + '/do/progress')
        await page.locator('[data-test=summary-card]').waitFor()
        await page.waitForURL(/period=2026-11/)
        await settled(page)
        assert.equal(await monthShown(page), '2026-11')
        await page.locator('[data-test=period-default-hint]').waitFor()
        // November is over: its projection is the actual, shown.
        assert.notEqual((await page.locator('[data-test=summary-projected] .kpi-value').innerText()).trim(), '—')
        await shot(page, `views-d3-default-november-${lang}-${width}`)

        await page.locator('[data-test=filter-this-month]').click()
        await page.waitForURL(/period=2026-12/)
        await page.locator('[data-test=too-early-hint]').first().waitFor()
        await settled(page)
        assert.equal(await monthShown(page), '2026-12')
        assert.equal((await page.locator('[data-test=summary-projected] .kpi-value').innerText()).trim(), '—')
        assert.equal((await page.locator('[data-test=summary-required_daily] .kpi-value').innerText()).trim(), '—')
        const hint = await page.locator('[data-test=summary-projected] [data-test=too-early-hint]').innerText()
        assert.match(hint, lang === 'zh' ? /7 天/ : /7 days/)
        if (width > 400) {
          const cell = page.locator('[data-test=progress-table] [data-test=too-early]').first()
          assert.match(await cell.getAttribute('title'), lang === 'zh' ? /7 天/ : /7 days/)
        }
        assert.equal(await page.locator('[data-test=period-default-hint]').count(), 0, 'no hint on the month asked for')
        assert.ok((await overflow(page)) <= 1, `${width}px: the page is ${await overflow(page)}px too wide`)
        await shot(page, `views-d3-december-too-early-${lang}-${width}`)

        // D4 and D2 open on November too.
        await page.goto(server.base + '/do/leaderboard')
        await page.locator('[data-test=board-reps]').waitFor()
        await settled(page)
        assert.equal(await monthShown(page), '2026-11')
        await page.goto(server.base + '/do/process')
        await page.locator('[data-test=chart-trend]').waitFor()
        await settled(page)
        assert.equal(await monthShown(page), '2026-11')
        assert.deepEqual(b.errors, [])
      } finally {
        await b.close()
      }
    }
  } finally {
    server.close()
  }
})

test('a D3 rep row opens that rep\'s cockpit; unfinished months are marked on the trends', async () => {
  const b = await openBrowser({ width: 1440, height: 900 })
  const { page } = b
  try {
    await login(page, 'manager')
    await page.goto(BASE_URL + '/do/progress')
    const link = page.locator('[data-test=progress-table] [data-test=rep-link]').first()
    await link.waitFor()
    const name = (await link.innerText()).trim()
    await link.click()
    await page.waitForURL(/do\/cockpit\?rep=\d+/)
    await page.locator('[data-test=cockpit-rep]').waitFor()
    assert.ok((await page.locator('[data-test=cockpit-rep]').innerText()).includes(name))
    // D1: June (as of 15 June) is a faded bar.
    await page.locator('[data-test=chart-monthly][data-unfinished="1"]').waitFor()

    // D2: the three metrics' this-year lines run dashed into June.
    await page.goto(BASE_URL + '/do/process')
    await page.locator('[data-test=chart-trend][data-unfinished="3"]').waitFor()
    await page.locator('[data-test=unfinished-note]').waitFor()
    await settled(page)
    await shot(page, 'views-d2-unfinished-june-zh')
    // D4: per-capita lines dashed into June.
    await page.goto(BASE_URL + '/do/leaderboard')
    await page.locator('[data-test=chart-per-capita][data-unfinished]').waitFor()
    assert.ok(Number(await page.locator('[data-test=chart-per-capita]').getAttribute('data-unfinished')) >= 1)
    await settled(page)
    await shot(page, 'views-d4-unfinished-june-zh')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})
