// The demo workbook in memory: the sample center written into a new file workbook, as `deskbook demo`
// and the pane's built-in sample make it.
import { SampleRequest, writeSample } from '../../src/app/sample';
import { FileWorkbook } from '../../src/workbook/file';

export async function buildSampleWorkbook(request: SampleRequest = {}): Promise<FileWorkbook> {
  const wb = FileWorkbook.create();
  await writeSample(wb, request);
  return wb;
}
