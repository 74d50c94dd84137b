// The money units of the kit's tables and cards (utils/format.ts MoneyUnit; 元 and 万元 are common.yuan / common.wan).
export default {
  kit: { unitK: '千元', withUnit: '{label}({unit})' },
}
