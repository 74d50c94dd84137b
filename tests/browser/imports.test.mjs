// 数据导入 in the browser (issue 12): the admin uploads an XLSX with Chinese headers, fixes the
// one column the guess missed, sees the dry run's errors, downloads the error report, saves
// the mapping as a template, uploads the fixed file, applies the template, imports it, watches
// the progress bar reach 100% and sees the dashboard's collection grow by the imported amount.
// Other roles have no menu entry and get 403. Screenshots zh-CN/en at 1440 and 375 px.
// Its own server on a copy of the suite's database (the import writes).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openBrowser, shot } from './helpers.mjs'
import { readLogins } from '../support/logins.mjs'
import { ownServer } from '../support/own_server.mjs'
import { writeXlsx } from '../support/xlsx_write.mjs'
import { xlsxInlineCells } from '../support/xlsx_cells.mjs'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'salesloop-import-web-'))
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
let srv, code

async function loginAt(page, role) {
  const u = readLogins()[role][0]
  await page.goto(srv.base + '/login')
  await page.locator('input[data-test=login-input], [data-test=login-input] input').fill(u.login)
  await page.locator('input[data-test=password-input], [data-test=password-input] input').fill(u.password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
const apiGet = (page, p) => page.evaluate(async (u) => (await fetch(u)).json(), '/api/v1' + p)
const collection = async (page) => (await apiGet(page, '/do/progress?period=2026-06&as_of=2026-06-15&level=region&metric=collection'))
  .rows.reduce((s, r) => s + r.actual, 0)

async function pick(page, select, option) {
  await page.locator(`[data-test=${select}]`).click()
  await page.locator(`.el-select-dropdown__item:visible`, { hasText: option }).first().click()
}
async function pickEntity(page, name) {
  await page.locator('[data-test=import-entity]').click()
  await page.locator(`[data-test=entity-${name}]:visible`).click()
}
// Waits for the job to reach the state (the page polls the server).
async function settled(page, state) {
  await page.waitForFunction((want) =>
    document.querySelector('[data-test=import-run]')?.getAttribute('data-state') === want, state, { timeout: 60000 })
}

before(async () => {
  srv = await ownServer()
  code = execFileSync('sqlite3', [srv.db, "SELECT code FROM contracts WHERE signed_date <= '2026-05-01' ORDER BY id LIMIT 1"], { encoding: 'utf8' }).trim()
})
after(async () => { await srv?.stop() })

test('admin: upload, fix the mapping, dry-run errors and report, template, commit, dashboard', async () => {
  const headers = ['合同编号', '回款日期', '本次收款额']  // the last one is not guessed: mapped by hand
  const bad = writeXlsx([headers, [code, '2026-06-02', '8,888.00'], [code, '2026-07-09', '10']], path.join(dir, '回款-六月.xlsx'), '回款')
  const good = writeXlsx([headers, [code, '2026-06-02', '8,888.00'], [code, '2026-06-08', '111.11']], path.join(dir, '回款-六月-改.xlsx'), '回款')
  const b = await openBrowser({ width: 1440, height: 1000 })
  try {
    const { page } = b
    await loginAt(page, 'admin')
    await page.locator('[data-test=menu-data-import]').click()
    await page.waitForURL(/\/data\/import$/)
    const before = await collection(page)
    await pickEntity(page, 'payments')
    await page.setInputFiles('[data-test=import-file]', bad)
    await page.locator('[data-test=import-fields]').waitFor()
    assert.equal((await page.locator('[data-test=map-contract]').innerText()).trim(), '合同编号')  // guessed
    assert.equal((await page.locator('[data-test=map-date]').innerText()).trim(), '回款日期')
    await pick(page, 'map-amount', '本次收款额')
    await page.locator('[data-test=import-dry-run]').click()
    await settled(page, 'checked')
    assert.equal(await page.locator('[data-test=result-errors]').innerText(), '1')
    const errorRows = page.locator('[data-test=import-errors] .el-table__body tbody tr')
    await errorRows.first().waitFor()  // the list is fetched after the count shows
    assert.equal(await errorRows.count(), 1)
    assert.match(await errorRows.first().innerText(), /3[\s\S]*回款日期[\s\S]*2026-07-09[\s\S]*回款日期不能晚于今天/)
    assert.ok(await page.locator('[data-test=import-commit]').isDisabled())
    await shot(page, 'import-admin-1440-zh-errors')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=import-report]').click()])
    const report = path.join(dir, 'report.xlsx')
    await download.saveAs(report)
    const cells = xlsxInlineCells(report, 5)
    assert.deepEqual(cells.slice(1).map((r) => r.slice(0, 3)), [['3', '回款日期', '2026-07-09']])

    // The mapping as a template, for the fixed file.
    await page.locator('input[data-test=import-template-name], [data-test=import-template-name] input').fill('财务回款表')
    await page.locator('[data-test=import-template-save]').click()
    await page.locator('.el-message--success').waitFor()
    await page.setInputFiles('[data-test=import-file]', good)
    await page.locator('[data-test=import-file-name]', { hasText: '改' }).waitFor()
    await pick(page, 'import-template', '财务回款表')
    await page.locator('[data-test=import-dry-run]').click()
    await settled(page, 'checked')
    assert.equal(await page.locator('[data-test=result-errors]').innerText(), '0')
    assert.equal(await page.locator('[data-test=result-inserted]').innerText(), '2')
    await page.locator('[data-test=import-ready]').waitFor()
    await page.locator('[data-test=import-commit]').click()
    await settled(page, 'committed')
    assert.equal(await page.locator('[data-test=import-run]').getAttribute('data-state'), 'committed')
    assert.equal(await page.locator('[data-test=import-progress]').getAttribute('aria-valuenow'), '100')
    await page.locator('[data-test=import-done]').waitFor()
    await shot(page, 'import-admin-1440-zh-done')
    assert.equal(await collection(page), before + 888800 + 11111)
    await page.locator('[data-test=import-to-dashboard]').click()
    await page.waitForURL(/target-progress|do\/progress|progress/)

    await page.evaluate(() => localStorage.setItem('salesloop.locale', 'en'))
    await page.goto(srv.base + '/data/import')
    await page.locator('[data-test=import-entity]').waitFor()
    await pickEntity(page, 'payments')
    await page.setInputFiles('[data-test=import-file]', bad)
    await page.locator('[data-test=import-fields]').waitFor()
    await shot(page, 'import-admin-1440-en')
    assert.deepEqual(b.errors, [])
  } finally {
    await b.close()
  }
})

test('375 px: the page fits the screen (zh and en)', async () => {
  const b = await openBrowser({ width: 375, height: 812 })
  try {
    const { page } = b
    await loginAt(page, 'admin')
    for (const lang of ['zh-CN', 'en']) {
      await page.evaluate((l) => localStorage.setItem('salesloop.locale', l), lang)
      await page.goto(srv.base + '/data/import')
      await pickEntity(page, 'payments')
      await page.setInputFiles('[data-test=import-file]', path.join(dir, '回款-六月.xlsx'))
      await page.locator('[data-test=import-fields]').waitFor()
      const o = await overflow(page)
      assert.ok(o <= 1, `the import page is ${o}px wider than the screen (${lang})`)
      await shot(page, `import-admin-375-${lang === 'en' ? 'en' : 'zh'}`)
    }
  } finally {
    await b.close()
  }
})

test('other roles: no menu entry, and the page answers 403', async () => {
  const b = await openBrowser()
  try {
    const { page } = b
    for (const role of ['executive', 'manager', 'rep']) {
      await page.context().clearCookies()
      await loginAt(page, role)
      assert.equal(await page.locator('[data-test=menu-data-import]').count(), 0, role)
      await page.goto(srv.base + '/data/import')
      await page.waitForURL(/\/403/)
    }
  } finally {
    await b.close()
  }
})
