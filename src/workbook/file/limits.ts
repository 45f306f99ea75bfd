// What reading one workbook file may cost, and the meters that hold a read to it. A zip bomb (a few
// MB that inflate to GBs, a sheet that declares millions of rows) is refused while it is inflated and
// scanned, as soon as what it has actually produced passes a limit, never from the sizes its zip
// directory declares (a bomb can say anything there). Every reader of the file back end (today the
// SheetJS path in read.ts, later a streaming reader) counts through these meters, so the limits, their
// defaults and their words are the same whichever reader runs. docs/limits.md says why each default.
import type { FileErrorDetail } from '../../domain/failures';
import { WorkbookError } from '../types';

export const MiB = 1024 * 1024;

export interface ReadLimits {
  /** bytes one part (a sheet, the shared strings) may inflate to */
  readonly partBytes: number;
  /** bytes all the parts inflated from one workbook may add up to (each part counted once) */
  readonly totalBytes: number;
  /** the highest row number of a sheet, and the most row elements it may hold */
  readonly rows: number;
  /** the highest column number of a sheet (16,384 is XFD) */
  readonly columns: number;
  /** cells (`<c>` elements, with a value or not) of all the sheets read from one workbook; also the
   *  most entries its shared-strings table may hold */
  readonly cells: number;
}

/**
 * Room to spare for a real center: the 100,000-ticket + 100,000-charge workbook of `npm run bench`
 * inflates to 109 MiB in all, its largest sheet to 73 MiB, and holds 2.6 M cells (read at about 250
 * bytes a cell: some 2.5 GB at the cell limit). Rows and columns are Excel's own grid: no file Excel
 * wrote goes past them. docs/limits.md has the figures.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  partBytes: 200 * MiB,
  totalBytes: 512 * MiB,
  rows: 1_048_576,
  columns: 16_384,
  cells: 10_000_000,
};

/** The limits, with any given ones in place of the defaults. */
export function readLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...given };
}

/** Where a meter counts: the part, and the sheet whose part it is (for the words). */
export interface PartPlace {
  readonly part: string;
  readonly sheet?: string;
}

/** A byte limit as its words give it: MB, to two decimals at most. */
function megabytes(bytes: number): number {
  return Math.round((bytes / MiB) * 100) / 100;
}

function tooLarge(detail: FileErrorDetail): WorkbookError {
  return new WorkbookError('TOO_LARGE', detail);
}

function where(place: PartPlace): PartPlace {
  return place.sheet === undefined ? { part: place.part } : { part: place.part, sheet: place.sheet };
}

/** Counts the bytes one part inflates to, as they come. */
export interface ByteMeter {
  /** bytes still allowed for this part (the smaller of its own limit and what the workbook has left) */
  readonly room: number;
  /** `bytes` more came out; throws TOO_LARGE once a limit is passed */
  add(bytes: number): void;
  /** the part inflated whole: its bytes count toward the workbook's total from now on */
  done(): void;
}

/** Counts the rows and cells of one sheet, as its part is scanned. Rows and columns from 1. */
export interface SheetMeter {
  row(row: number): void;
  cell(row: number, col: number): void;
  /** the sheet scanned whole: its cells count toward the workbook's total from now on */
  done(): void;
}

/** Counts the entries of a shared-strings table. */
export interface EntryMeter {
  entry(): void;
}

/**
 * One workbook's budget: its limits, the bytes inflated and the cells scanned so far. A part or a
 * sheet read again (after a write, say) replaces its earlier count rather than adding to it.
 */
export class ReadBudget {
  private readonly inflated = new Map<string, number>();
  private inflatedTotal = 0;
  private readonly cells = new Map<string, number>();
  private cellsTotal = 0;

  constructor(readonly limits: ReadLimits = DEFAULT_READ_LIMITS) {}

  inflating(place: PartPlace): ByteMeter {
    const { partBytes, totalBytes } = this.limits;
    const key = place.part.toLowerCase();
    const before = this.inflated.get(key) ?? 0;
    const others = this.inflatedTotal - before;
    let bytes = 0;
    return {
      get room() {
        return Math.max(0, Math.min(partBytes, totalBytes - others) - bytes);
      },
      add: (n: number) => {
        bytes += n;
        if (bytes > partBytes) throw tooLarge({ reason: 'PART_INFLATES_TOO_LARGE', ...where(place), limit: megabytes(partBytes) });
        if (others + bytes > totalBytes) throw tooLarge({ reason: 'INFLATED_TOTAL_TOO_LARGE', ...where(place), limit: megabytes(totalBytes) });
      },
      done: () => {
        this.inflated.set(key, bytes);
        this.inflatedTotal = others + bytes;
      },
    };
  }

  sheet(place: PartPlace & { readonly sheet: string }): SheetMeter {
    const { rows, columns, cells: maxCells } = this.limits;
    const key = place.part.toLowerCase();
    const others = this.cellsTotal - (this.cells.get(key) ?? 0);
    let rowElements = 0;
    let cells = 0;
    const tooManyRows = () => tooLarge({ reason: 'SHEET_TOO_MANY_ROWS', part: place.part, sheet: place.sheet, limit: rows });
    return {
      row: (row: number) => {
        rowElements++;
        if (row > rows || rowElements > rows) throw tooManyRows();
      },
      cell: (row: number, col: number) => {
        cells++;
        if (row > rows) throw tooManyRows();
        if (col > columns) throw tooLarge({ reason: 'SHEET_TOO_MANY_COLUMNS', part: place.part, sheet: place.sheet, limit: columns });
        if (others + cells > maxCells) throw tooLarge({ reason: 'TOO_MANY_CELLS', part: place.part, sheet: place.sheet, limit: maxCells });
      },
      done: () => {
        this.cells.set(key, cells);
        this.cellsTotal = others + cells;
      },
    };
  }

  strings(place: PartPlace): EntryMeter {
    const limit = this.limits.cells;
    let entries = 0;
    return {
      entry: () => {
        if (++entries > limit) throw tooLarge({ reason: 'TOO_MANY_STRINGS', part: place.part, limit });
      },
    };
  }
}
