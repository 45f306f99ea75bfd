// Workbook files on disk: read whole, written atomically (a temporary file beside the target, then a
// rename), so a failure never leaves a half-written workbook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileWorkbook } from '../workbook/file';
import { WorkbookError } from '../workbook/types';

/** A workbook file problem that names the file; codes map to messages in domain/messages.ts. */
export class FileProblem extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'NOT_A_FILE' | WorkbookError['code'],
    readonly file: string,
    readonly detail = '',
  ) {
    super(`${code}: ${file} ${detail}`);
    this.name = 'FileProblem';
  }
}

// SheetJS holds a parsed workbook in memory several times its size; past this a clear refusal beats
// running out of memory halfway.
const MAX_BYTES = 512 * 1024 * 1024;

export function readWorkbookFile(file: string): FileWorkbook {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FileProblem('NOT_FOUND', file);
  }
  if (!stat.isFile()) throw new FileProblem('NOT_A_FILE', file);
  if (stat.size > MAX_BYTES) throw new FileProblem('TOO_LARGE', file, `${Math.round(stat.size / 1048576)} MB`);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new FileProblem('NOT_FOUND', file, (e as Error).message);
  }
  try {
    return FileWorkbook.open(bytes);
  } catch (e) {
    if (e instanceof WorkbookError) throw new FileProblem(e.code, file, e.message);
    throw e;
  }
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw new FileProblem('WRITE_FAILED', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}
