// The subscribable pages (GET /subscriptions `pages`) named as the side menu names them, and
// the parameters each page's form offers, declared once per page here (the page's own query
// parameters, src/api/*_api.cpp; others are left to the page's defaults for the recipient).
// PageParams.vue draws them.
import { pageRoutes } from '../../../router'

export type ParamKind = 'month' | 'choice' | 'region'
export interface ParamDef {
  name: string // the query parameter the page reads
  kind: ParamKind
  label: string // i18n key
  options?: { value: string; label: string }[] // choice: PAGE_DEFAULT = the page's own default
}
/** A choice's "the page's default" option: not sent (Element Plus shows '' as no choice at all). */
export const PAGE_DEFAULT = 'page-default'

const period: ParamDef = { name: 'period', kind: 'month', label: 'push.subs.period' }
const region: ParamDef = { name: 'region', kind: 'region', label: 'push.subs.region' }
const level: ParamDef = { name: 'level', kind: 'choice', label: 'push.subs.level', options: [
  { value: PAGE_DEFAULT, label: 'push.subs.levelAuto' }, { value: 'company', label: 'push.subs.levelCompany' },
  { value: 'region', label: 'push.subs.levelRegion' }, { value: 'rep', label: 'push.subs.levelRep' }] }
const metric: ParamDef = { name: 'metric', kind: 'choice', label: 'push.subs.metric', options: [
  { value: PAGE_DEFAULT, label: 'metric.sales' }, { value: 'collection', label: 'metric.collection' }] }
const grain: ParamDef = { name: 'grain', kind: 'choice', label: 'push.subs.grain', options: [
  { value: PAGE_DEFAULT, label: 'push.subs.grainQuarter' }, { value: 'month', label: 'push.subs.grainMonth' }] }
const forecastMonth: ParamDef = { name: 'month', kind: 'month', label: 'push.subs.forecastMonth' }

const PARAMS: Record<string, ParamDef[]> = {
  'do/progress': [period, level, metric, region],
  'do/leaderboard': [period, region],
  'do/process': [period, region],
  'do/cockpit': [],
  'check/review': [period, region],
  'check/rfm': [period, region],
  'check/churn': [grain, region],
  'check/products': [period, region],
  'plan/market': [period, region],
  'plan/competitors': [period, region],
  'plan/funnel': [period, region],
  'plan/finance': [],
  'plan/forecasts': [forecastMonth, region],
  'plan/suggestion': [],
  act: [],
}
const DEFAULT_PARAMS: ParamDef[] = [period, region]

export const pageParams = (page: string): ParamDef[] => PARAMS[page] ?? DEFAULT_PARAMS

/** The parameters of `page` to send: only the page's own, without the empty ones. */
export function pickParams(page: string, values: Record<string, string | number | null>): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const p of pageParams(page)) {
    const v = values[p.name]
    if (v !== null && v !== undefined && v !== '' && v !== PAGE_DEFAULT) out[p.name] = v
  }
  return out
}

/** The i18n key of a page's menu title, or null for a page without a route. */
export function pageTitleKey(page: string): string | null {
  const r = pageRoutes.find((x) => x.path === page)
  return (r?.meta?.title as string | undefined) ?? null
}
