// 大写金额: an amount in Chinese capitals, as a bill or a notice writes it beside the figures, by the
// rules of 《支付结算办法》 (中国人民银行, 附件一《正确填写票据和结算凭证的基本规定》):
// - 壹贰叁肆伍陆柒捌玖, 拾佰仟 within each group of four digits, 万 and 亿 between groups; 10 to 19 keep
//   their 壹 (壹拾陆元);
// - one 零 wherever zeros stand between two written digits (壹仟零伍元, 壹拾万零壹拾元, 壹亿零壹万元);
// - 整 after 元 when there are no 角 and 分; none after 角 (may be left out) or 分 (must be);
// - a 角 of 0 before a 分 is written 零 (叁佰贰拾伍元零肆分); yuan ending in 0 before a 角 take a 零 too,
//   the first of the two forms the rules allow (壹仟陆佰捌拾元零叁角贰分, 壹拾万柒仟元零伍角叁分).
// An amount under one yuan is its 角 and 分 alone (伍角, 伍分); nothing at all is 零元整.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const WITHIN = ['', '拾', '佰', '仟'];

/** A group of four digits (1 to 9999) without its leading zeros and without its group word. */
function groupText(n: number): string {
  let out = '';
  let zero = false;
  for (let k = 3; k >= 0; k--) {
    const d = Math.floor(n / 10 ** k) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + WITHIN[k];
  }
  return out;
}

/** Whole yuan (1 or more) in capitals, without 元: 壹仟贰佰叁拾肆. 亿 above 万 (贰万叁仟亿), one 零 where a
 *  lower part starts with zeros (壹亿零壹万, 壹万零壹). */
function yuanText(yuan: number): string {
  const [unit, size] = yuan >= 1e8 ? ['亿', 1e8] : yuan >= 1e4 ? ['万', 1e4] : ['', 1];
  if (size === 1) return groupText(yuan);
  const high = Math.floor(yuan / size);
  const low = yuan % size;
  const rest = low === 0 ? '' : (low < size / 10 ? '零' : '') + yuanText(low);
  return yuanText(high) + unit + rest;
}

/** Integer cents (0 or more, below 10^16) in Chinese capitals: 123456 → 壹仟贰佰叁拾肆元伍角陆分. */
export function amountInCapitals(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0 || cents >= 1e16) throw new RangeError(`大写金额: ${cents} is not a whole number of cents from 0 to 10^16`);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  if (yuan === 0 && jiao === 0 && fen === 0) return '零元整';
  const parts = yuan > 0 ? `${yuanText(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${parts}整`;
  // a 零 after 元 when the yuan end in 0 or the 角 is 0 (壹仟陆佰捌拾元零叁角贰分, 叁佰贰拾伍元零肆分)
  const zero = yuan > 0 && (jiao === 0 || yuan % 10 === 0) ? '零' : '';
  const jiaoText = jiao > 0 ? `${DIGITS[jiao]}角` : '';
  return parts + zero + jiaoText + (fen > 0 ? `${DIGITS[fen]}分` : '');
}
