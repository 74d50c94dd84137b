// Every i18n key a page uses exists in both locales (issue 9 item 9: D3 showed the raw key
// "status.no_target"). The sources under src/ are read as text; a key is
//  - a string literal that looks like a key ("do.board.rank") under a namespace of the
//    messages: t('…'), $t('…'), column specs' label: '…', route titles, a ? 'a.b' : 'c.d' …
//  - a key built from a prefix: t('act.meetingStatus.' + s), `status.${x}`, a column's
//    i18n: 'do.stage.'; each such pattern must be listed in DYNAMIC with the values its
//    variable part takes (from the code's enums in api/types.ts), else the test fails.
import { describe, it, expect } from 'vitest'
import { i18n } from './index'
import '../views/admin/push/messages' // the subscription pages' lazy strings
import {
  ACTION_STATUSES, ACTIVITIES, ANOMALY_RULES, ANOMALY_UNITS, AT_RISK_REASONS, BOARD_METRICS, DO_METRICS, GOAL_METRICS,
  KPI_PARTS, MEETING_STATUSES, PLAN_STATUSES, PROGRESS_STATUSES, RESOLUTION_STATUSES, ROLES, SERIES_LEVELS, SERIES_TYPES,
  SEVERITIES, STAGES, TODO_KINDS, RFM_SEGMENTS, CUSTOMER_SIZES, CHURN_RESPONSES, KEY_ACCOUNT_RISKS,
  PRODUCT_WARNING_RULES, PRODUCT_WARNING_SEVERITIES, PRODUCT_WARNING_UNITS, EVIDENCE_METHODS,
} from '../api/types'
import { BLOCKER_SORTS, BUCKETS } from '../views/check/reviewCharts'
import { QUADRANTS } from '../views/check/charts'

type Tree = { [key: string]: string | Tree }
const LOCALES = ['zh-CN', 'en'] as const
const tree = (l: string) => i18n.global.getLocaleMessage(l) as unknown as Tree

/** A key's pattern, "{}" standing for the variable part → the values it takes. */
const DYNAMIC: Record<string, readonly (string | number)[]> = {
  'roles.{}': ROLES,
  'menu.{}': ['plan', 'do', 'check', 'act', 'admin'],          // SideMenu's groups (router meta.group)
  'status.{}': PROGRESS_STATUSES,
  'error.{}': [403, 404],                              // ErrorPage's codes
  'error.d{}': [403, 404],
  'do.contract.{}Status': PLAN_STATUSES,
  'do.stage.{}': STAGES,
  'do.activity.{}': ACTIVITIES,
  'do.cockpit.{}': ['month', 'quarter', 'year'],       // CockpitCard's names
  'do.cockpit.reason.{}': AT_RISK_REASONS,
  'do.cockpit.parts.{}': KPI_PARTS,
  'do.metric.{}': DO_METRICS,
  'do.process.{}': [...SEVERITIES, ...ANOMALY_UNITS],
  'do.process.rule.{}': ANOMALY_RULES,
  'do.board.metric.{}': BOARD_METRICS,
  'act.meetingStatus.{}': MEETING_STATUSES,
  'act.resolutionStatus.{}': RESOLUTION_STATUSES,
  'act.actionStatus.{}': ACTION_STATUSES,
  'act.type.{}': SERIES_TYPES,
  'act.level.{}': SERIES_LEVELS,
  'act.metric.{}': GOAL_METRICS,
  'act.todos.{}': TODO_KINDS,
  'churn.col.{}': ['new', 'retained', 'returned'],     // Churn.vue's stacked bars
  'churn.risk.{}': KEY_ACCOUNT_RISKS,
  'churn.by.{}': ['industry', 'size', 'region'],       // ChurnReasons' dimensions
  'tables.churn_response.{}': CHURN_RESPONSES,
  'tables.rfm_segment.{}': RFM_SEGMENTS,
  'tables.rfm_action.{}': RFM_SEGMENTS,
  'kit.sizes.{}': CUSTOMER_SIZES,
  'check.customer.reason.{}': AT_RISK_REASONS,
  'check.customer.segments.{}': RFM_SEGMENTS,
  'check.customer.kind.{}': [...ACTIVITIES, 'contract', 'payment', 'opportunity', 'won', 'lost'],  // customer_profile.h
  'check.review.bucket.{}': BUCKETS,
  'check.review.sort.{}': BLOCKER_SORTS,
  'c4.{}': QUADRANTS,
  'suggestion.method.{}': EVIDENCE_METHODS,          // P6's evidence cards and chart
  'tables.p6.{}': EVIDENCE_METHODS,
  'c4.rule.{}': PRODUCT_WARNING_RULES,
  'c4.severity.{}': PRODUCT_WARNING_SEVERITIES,
  'c4.unit.{}': PRODUCT_WARNING_UNITS,
}

const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!./**'], {
  query: '?raw', import: 'default', eager: true,
})

function leaf(t: Tree, key: string): string | undefined {
  let v: string | Tree | undefined = t
  for (const part of key.split('.')) v = typeof v === 'object' ? v[part] : undefined
  return typeof v === 'string' ? v : undefined
}

const KEY = /^[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/
const namespaces = new Set(Object.keys(tree('zh-CN')))
const isKey = (s: string) => KEY.test(s) && namespaces.has(s.split('.')[0])

interface Use { key: string; file: string }
function scan() {
  const literal: Use[] = []
  const dynamic: Use[] = []
  for (const [file, text] of Object.entries(sources)) {
    const code = text.replace(/^\s*\/\/.*$/gm, '')  // comments mention keys as examples
    // 'prefix.' + expr (+ 'suffix')
    for (const m of code.matchAll(/'([a-z][\w.]*\.[A-Za-z_]*)'\s*\+\s*[\w.!?]+(?:\([^)]*\))?(?:\s*\+\s*'(\w*)')?/g)) {
      if (namespaces.has(m[1].split('.')[0])) dynamic.push({ key: `${m[1]}{}${m[2] ?? ''}`, file })
    }
    // `prefix.${expr}suffix`
    for (const m of code.matchAll(/`([a-z][\w.]*\.[A-Za-z_]*)\$\{[^}]+\}(\w*)`/g)) {
      if (namespaces.has(m[1].split('.')[0])) dynamic.push({ key: `${m[1]}{}${m[2]}`, file })
    }
    // a column's i18n prefix
    for (const m of code.matchAll(/i18n:\s*'([\w.]+\.)'/g)) dynamic.push({ key: `${m[1]}{}`, file })
    for (const m of code.matchAll(/'([^'\n]+)'|"([^"\n]+)"/g)) {
      const s = m[1] ?? m[2]
      if (isKey(s)) literal.push({ key: s, file })
    }
  }
  return { literal, dynamic }
}
const { literal, dynamic } = scan()

describe('i18n keys used by the pages', () => {
  it('finds the keys (the scan works)', () => {
    expect(literal.length).toBeGreaterThan(200)
    expect(dynamic.map((u) => u.key)).toContain('status.{}')
  })

  for (const l of LOCALES) {
    it(`every literal key is in ${l}`, () => {
      const missing = literal.filter((u) => leaf(tree(l), u.key) === undefined).map((u) => `${u.key} (${u.file})`)
      expect([...new Set(missing)]).toEqual([])
    })
    it(`every key built from a prefix is in ${l}`, () => {
      const missing: string[] = []
      for (const [pattern, values] of Object.entries(DYNAMIC)) {
        for (const v of values) {
          const key = pattern.replace('{}', String(v))
          if (leaf(tree(l), key) === undefined) missing.push(key)
        }
      }
      expect(missing).toEqual([])
    })
  }

  it('every key built from a prefix has its values listed here', () => {
    const unknown = dynamic.filter((u) => !(u.key in DYNAMIC)).map((u) => `${u.key} (${u.file})`)
    expect([...new Set(unknown)]).toEqual([])
  })
})
