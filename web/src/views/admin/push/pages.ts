// The subscribable pages (GET /subscriptions `pages`) named as the side menu names them, and
// the parameters each page's form offers (the page's own filters; others are left to the page's defaults).
import { pageRoutes } from '../../../router'

export type ParamKind = 'period' | 'level' | 'metric' | 'region'
const PARAMS: Record<string, ParamKind[]> = {
  'do/progress': ['period', 'level', 'metric', 'region'],
  'do/leaderboard': ['period', 'region'],
}
const DEFAULT_PARAMS: ParamKind[] = ['period', 'region']

export const pageParams = (page: string): ParamKind[] => PARAMS[page] ?? DEFAULT_PARAMS

/** The i18n key of a page's menu title, or null for a page without a route. */
export function pageTitleKey(page: string): string | null {
  const r = pageRoutes.find((x) => x.path === page)
  return (r?.meta?.title as string | undefined) ?? null
}
