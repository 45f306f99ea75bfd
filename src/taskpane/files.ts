// Getting bytes in and out of the browser in standalone mode.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** The download keeps the opened file's name, as an .xlsx. */
export function downloadName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '').trim() || 'workbook';
  return `${base}.xlsx`;
}

export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes.slice()], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has started the download by the time the click returns; free the blob a little later
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
