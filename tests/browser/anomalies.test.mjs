// D2's anomalies grouped by unit (issue 9 item 4), as an executive sees them in zh-CN and en at
// 1440 and 375 px: the list opens on the units with a high anomaly, the top one expanded, with
// the count of the rest; "show all" reveals them; each anomaly reads as a plain sentence
// (checked against sentences built here from the API's figures) with its statistics as a
// tooltip; no horizontal overflow and no raw i18n key.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { BASE_URL, RESULTS, openBrowser, login, shot, apiGet } from './helpers.mjs'

const QUERY = 'period=2026-05&as_of=2026-06-15'

// Money as the web writes it, written again here: 万/亿 in zh-CN, K/M/B in en, trailing zeros cut.
function money(fen, lang) {
  const yuan = fen / 100, abs = Math.abs(yuan), sign = yuan < 0 ? '-' : ''
  const cut = (x, d) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).replace(/\.?0+$/, '')
  if (fen === 0) return '0'
  const steps = lang === 'zh-CN' ? [[1e8, 2, '亿'], [1e4, 1, '万']] : [[1e9, 2, 'B'], [1e6, 2, 'M'], [1e3, 1, 'K']]
  for (const [div, d, unit] of steps) if (abs >= div) return sign + cut(abs / div, d) + unit
  return sign + abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
const METRIC = { 'zh-CN': { bids_won: '中标', sales: '签单', collection: '回款' }, en: { bids_won: 'Bids won', sales: 'Contracts', collection: 'Collections' } }
// The YoY sentence of issue 9's example, in each language.
function yoySentence(a, lang) {
  // Whole percent, but one decimal where that would read 100 % (or 0 %) for what is not.
  const p = Math.abs(a.yoy) * 100, whole = p.toFixed(0)
  const pct = (whole === '100' && p !== 100) || (whole === '0' && p !== 0) ? `${p.toFixed(1)}%` : `${whole}%`
  return lang === 'zh-CN'
    ? `${METRIC[lang][a.metric]}较去年同期下降 ${pct}（去年 ${money(a.last_year, lang)} → 今年 ${money(a.value, lang)}）`
    : `${METRIC[lang][a.metric]} down ${pct} on the same month last year (${money(a.last_year, lang)} → ${money(a.value, lang)})`
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
const rawKeys = (text) => (text.match(/\b(do|metric|common|sendToMeeting)\.[a-z_]+(\.[a-zA-Z_]+)*\b/g) ?? [])

for (const width of [1440, 375]) {
  test(`executive at ${width} px: anomalies by unit, high first, plain words in zh-CN and en`, async () => {
    const b = await openBrowser({ width, height: 900 })
    const { page } = b
    try {
      await login(page, 'executive')
      const api = await apiGet(page, `/do/process?${QUERY}&anomaly_limit=1`)
      const { anomaly_summary: sum, anomaly_groups: groups, anomaly_page_size: size } = api
      assert.ok(sum.high_groups > size, `the month has more than a page of high units (${sum.high_groups})`)
      assert.ok(sum.groups > sum.high_groups, 'and some units with medium anomalies only')
      for (const lang of ['zh-CN', 'en']) {
        await page.evaluate((l) => localStorage.setItem('salesloop.locale', l), lang)
        await page.goto(`${BASE_URL}/do/process?${QUERY}`)
        const card = page.locator('[data-test=anomalies]')
        await card.locator('[data-test=anomaly-group]').first().waitFor()
        await page.waitForFunction(() => !document.querySelector('.process-page .el-loading-mask'))

        // Opens on the high units of page 1, in the server's order, the top one expanded.
        const shown = card.locator('[data-test=anomaly-group]')
        assert.equal(await shown.count(), size)
        assert.deepEqual(await shown.evaluateAll((els) => els.map((e) => e.dataset.unit)), groups.slice(0, size).map((g) => `${g.unit}:${g.id}`))
        const high = lang === 'zh-CN' ? '高' : 'High'
        for (const tag of await card.locator('[data-test=anomaly-group-title] .el-tag').allInnerTexts()) assert.equal(tag.trim(), high)
        const rest = (await card.locator('[data-test=anomalies-rest]').innerText()).trim()
        const restGroups = sum.groups - sum.high_groups
        assert.ok(rest.includes(lang === 'zh-CN' ? `另有 ${restGroups} 个对象的 ${sum.rest} 条中等异常` : `${sum.rest} more medium anomal${sum.rest === 1 ? "y" : "ies"} (units with no high one: ${restGroups})`), rest)
        const stake = (await shown.first().locator('[data-test=anomaly-group-stake]').innerText()).trim()
        assert.ok(stake.endsWith(money(groups[0].at_stake, lang)), `${stake} vs ${groups[0].at_stake}`)

        // The first group's anomalies, each a plain sentence; a YoY one reads as issue 9's example.
        const first = groups[0]
        const rows = shown.first().locator('[data-test=anomaly-sentence]')
        await rows.first().waitFor()
        assert.equal(await rows.count(), first.anomalies.length)
        const texts = await rows.allInnerTexts()
        let yoyChecked = 0
        first.anomalies.forEach((a, i) => {
          if (a.rules.includes('yoy')) { assert.ok(texts[i].includes(yoySentence(a, lang)), `${texts[i]} ≠ ${yoySentence(a, lang)}`); yoyChecked++ }
          assert.ok(!/z =|MAD/.test(texts[i]), `no statistics in the sentence: ${texts[i]}`)
        })
        // The statistics are in the tooltip of the sentence.
        await rows.first().hover()
        const tip = page.locator('.el-popper [data-test=anomaly-stats]').first()
        await tip.waitFor({ state: 'visible' })
        const tipText = (await page.locator('.el-popper:visible').last().innerText()).trim()
        const a0 = first.anomalies[0]
        if (a0.z !== null) assert.ok(tipText.includes(`z = ${a0.z.toFixed(2)}`) && tipText.includes('MAD'), tipText)
        assert.ok(tipText.includes(money(a0.at_stake, lang)), tipText)
        await card.screenshot({ path: path.join(RESULTS, `anomalies-card-${width}-${lang}.png`) })
        await page.mouse.move(0, 0)
        await shot(page, `anomalies-${width}-${lang}`)

        // Another group expands on a click; its sentences appear.
        await shown.nth(1).locator('.el-collapse-item__header').click()
        await shown.nth(1).locator('[data-test=anomaly-sentence]').first().waitFor()
        assert.equal(await shown.nth(1).locator('[data-test=anomaly-sentence]').count(), groups[1].anomalies.length)

        // Show all: the pager counts every unit; the last page holds the medium-only one.
        await card.locator('[data-test=anomalies-show-all]').click()
        await card.locator('[data-test=anomalies-show-high]').waitFor()
        const pages = Math.ceil(sum.groups / size)
        await Promise.all([
          page.waitForResponse((r) => r.url().includes('/api/v1/do/process') && r.url().includes(`anomaly_page=${pages}`)),
          card.locator(`[data-test=anomaly-pager] .el-pager li:text-is("${pages}")`).click(),
        ])
        await page.waitForFunction(() => !document.querySelector('[data-test=anomalies] .el-loading-mask'))
        const last = await apiGet(page, `/do/process?${QUERY}&anomaly_limit=1&anomaly_page=${pages}`)
        assert.deepEqual(await shown.evaluateAll((els) => els.map((e) => e.dataset.unit)), last.anomaly_groups.map((g) => `${g.unit}:${g.id}`))
        assert.ok(last.anomaly_groups.some((g) => g.severity === 'medium'))
        // The first group of the page opens with its anomalies.
        await shown.first().locator('[data-test=anomaly-sentence]').first().waitFor()

        const text = await card.innerText()
        assert.deepEqual(rawKeys(text), [], 'no raw i18n key')
        assert.ok(await overflow(page) <= 0, `no horizontal overflow at ${width} px (${lang})`)
        await shot(page, `anomalies-all-${width}-${lang}`)
        await card.screenshot({ path: path.join(RESULTS, `anomalies-card-all-${width}-${lang}.png`) })
        assert.ok(yoyChecked > 0 || !first.rules.includes('yoy'))
      }
      assert.deepEqual(b.errors, [])
    } finally {
      await page.evaluate(() => localStorage.setItem('salesloop.locale', 'zh-CN')).catch(() => {})
      await b.close()
    }
  })
}
