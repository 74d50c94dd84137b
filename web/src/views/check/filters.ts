// The filter bar of C2 RFM and C3 churn: every field; under a product category they read that
// category's purchases (docs/metrics.md). The period sets the date they read as of when it
// ended before as_of.
import type { FilterField } from '../../components/kit'

export const CUSTOMER_FILTERS: FilterField[] = ['period', 'as_of', 'region', 'rep', 'industry', 'size', 'category']

// A filter that shrinks a paged list below the page shown goes back to its first page.
export function pastLastPage(list: { page: number; rows: unknown[] } | undefined): boolean {
  return !!list && list.page > 1 && list.rows.length === 0
}
