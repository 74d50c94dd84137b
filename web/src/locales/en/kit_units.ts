// The money units of the kit's tables and cards (utils/format.ts MoneyUnit; yuan and 10k yuan are common.yuan / common.wan).
export default {
  kit: { unitK: 'K yuan', withUnit: '{label} ({unit})' },
}
