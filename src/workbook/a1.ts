// A1 references: column letters, shared by both back ends and by formulas the app writes.

const letters: string[] = [];

/** 0 -> `A`, 25 -> `Z`, 26 -> `AA` */
export function columnLetter(col: number): string {
  const cached = letters[col];
  if (cached !== undefined) return cached;
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col < 1024) letters[col] = s;
  return s;
}
