// Why a D3 projection or required daily rate shows "—" (the server decides: progress.h
// FigureBasis; docs/metrics.md): the tooltip of the dash, or undefined when nothing needs saying.
import { useI18n } from 'vue-i18n'
import type { FigureBasis } from '../../api/types'

export function useEarlyHint() {
  const { t } = useI18n()
  return (basis: FigureBasis | undefined, earlyDays: number) =>
    basis === 'too_early' ? t('doViews.tooEarly', { days: earlyDays }) : basis === 'not_started' ? t('doViews.notStarted') : undefined
}
