// Chart parts the D dashboards use beyond the shell's bar chart (registered once, globally).
import { echarts } from '../../charts/echarts'
import { LineChart } from 'echarts/charts'
import { LegendComponent, DataZoomComponent } from 'echarts/components'

echarts.use([LineChart, LegendComponent, DataZoomComponent])

export const narrow = () => typeof window !== 'undefined' && window.innerWidth < 768
