// A1 addresses as Office.js returns them: `Sheet1!B2:D9`, `'My sheet'!A1`, `工单!A1:X50001`.

/** 0-based row and column of the top-left cell of an address. */
export function addressOrigin(address: string): { row: number; col: number } {
  // The cell part follows the last "!" (a quoted sheet name may contain one, the cell part cannot).
  const cells = address.slice(address.lastIndexOf('!') + 1);
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(cells);
  if (!match) throw new Error(`Not an A1 address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** `A` -> 0, `Z` -> 25, `AA` -> 26 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export { columnLetter as columnLetters } from '../a1';
