// The dashboard kit (DESIGN.md, "A new page is …"): a page is useDashboard for its state,
// FilterBar, KpiCard, DataTable, EChart and ExportLinks for what it shows.
export { default as FilterBar, type FilterField } from './FilterBar.vue'
export { default as KpiCard } from './KpiCard.vue'
export { default as DataTable } from './DataTable.vue'
export { default as ExportLinks } from './ExportLinks.vue'
export { default as LoadError } from './LoadError.vue'
export { default as EChart } from '../../charts/EChart.vue'
export { useDashboard } from '../../composables/useDashboard'
export type { Column, ColumnFormat } from './columns'
export { useLoad } from './useLoad'
