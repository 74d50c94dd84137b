// Money typed in a form: yuan with optional thousands separators → fen (int), null when it is
// not a number. The forms show amounts in yuan and send fen (the API's unit).
export function yuanToFen(text: string | number): number | null {
  const s = String(text).replace(/[,，\s]/g, '')
  if (s === '' || !/^-?\d+(\.\d{0,2})?$/.test(s)) return null
  return Math.round(Number(s) * 100)
}

/** fen → the yuan text a form field shows ("1234.5"). */
export const fenToYuanText = (fen: number) => String(fen / 100)
