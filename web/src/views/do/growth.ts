// A growth as the D pages show it: a percentage on a normal base, "新增 / New" or "—" on a
// tiny one (the server decides; docs/metrics.md), with the reason as a tooltip.
// The answers' growth bases are typed here until web/src/api/types.ts carries them.
import { useI18n } from 'vue-i18n'
import { formatGrowthBasis, type GrowthBasis } from '../../utils/format'

export interface WithYoyBasis { yoy?: number | null; yoy_basis?: GrowthBasis; pop?: number | null; pop_basis?: GrowthBasis }

export function useGrowth() {
  const { t } = useI18n()
  const text = (ratio: number | null | undefined, basis: GrowthBasis | undefined) => formatGrowthBasis(ratio, basis, t('do.growth.new'))
  const hint = (basis: GrowthBasis | undefined) =>
    basis === 'new' ? t('do.growth.newHint') : basis === 'small' ? t('do.growth.smallHint') : basis === 'partial' ? t('do.growth.partialHint') : undefined
  return { text, hint }
}
