// Only the chart types and components the app uses, to keep the bundle small.
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, MarkLineComponent, TitleComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, TitleComponent, CanvasRenderer])
export { echarts }
