// Every colour a chart (or a number coloured by its meaning) uses, in one place. The values
// are Element Plus's theme colours, so charts match the components around them.
import type { Status } from '../api/types'

export const PRIMARY = '#409eff'
export const SUCCESS = '#67c23a'
export const WARNING = '#e6a23c'
export const NEUTRAL = '#909399'

/** Target status: ahead / at risk / behind. */
export const STATUS_COLOR: Record<Status, string> = { ahead: '#52c41a', at_risk: '#fa8c16', behind: '#f5222d' }

/** A number read as good (≥ 0: growth, gap ahead of time) or bad. */
export const TONE_COLOR = { up: '#389e0d', down: '#cf1322' } as const

/** The D2 metrics, in the order the API sends them (bids won, contracts, collections). */
export const METRIC_COLORS = [NEUTRAL, PRIMARY, SUCCESS] as const

/** The time-progress line drawn over completion bars. */
export const TIME_PROGRESS_COLOR = PRIMARY

/** Gold, silver and bronze of the leaderboard's top three. */
export const MEDAL_COLORS = ['#d4a017', '#a8a9ad', '#b87333'] as const
