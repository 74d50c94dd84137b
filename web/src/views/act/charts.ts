// Chart parts the A pages use beyond the shell's bar chart (registering twice is harmless).
import { echarts } from '../../charts/echarts'
import { LineChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'

echarts.use([LineChart, LegendComponent])
