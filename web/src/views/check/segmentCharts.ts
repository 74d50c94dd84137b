// Chart parts and colours of the C2/C3 pages: the RFM treemap, the flow bars and the Pareto line.
import { echarts } from '../../charts/echarts'
import { LineChart, TreemapChart } from 'echarts/charts'
import { LegendComponent, MarkAreaComponent } from 'echarts/components'
import { NEUTRAL, PRIMARY, STATUS_COLOR, SUCCESS, TONE_COLOR, WARNING } from '../../charts/colors'
import type { RfmSegment } from '../../api'

echarts.use([LineChart, TreemapChart, LegendComponent, MarkAreaComponent])

export const narrow = () => typeof window !== 'undefined' && window.innerWidth < 768

// A segment's colour by its R and F (value, develop, keep, retain); general segments paler.
export function segmentColor(s: Pick<RfmSegment, 'r_good' | 'f_high' | 'm_high'>): { color: string; opacity: number } {
  const color = s.r_good ? (s.f_high ? SUCCESS : PRIMARY) : s.f_high ? WARNING : STATUS_COLOR.behind
  return { color, opacity: s.m_high ? 1 : 0.5 }
}

export const FLOW_COLORS = { new: PRIMARY, retained: SUCCESS, returned: WARNING, churned: TONE_COLOR.down, rate: NEUTRAL } as const
export const CLASS_COLORS = { A: SUCCESS, B: WARNING, C: NEUTRAL } as const
