// The installation's tag and issued IDs are kept in web storage under keys that carry Office's
// partition key where Office partitions storage (Excel on the web), as Microsoft's docs ask.
import { storageKey } from '../../src/taskpane/installation';

describe('storage keys of this installation', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('are the plain key outside Office and where Office sets no partition key', () => {
    expect(storageKey('deskbook.installationTag')).toBe('deskbook.installationTag');
    (globalThis as { Office?: unknown }).Office = { context: {} };
    expect(storageKey('deskbook.installationTag')).toBe('deskbook.installationTag');
  });

  it('carry Office.context.partitionKey where it is set', () => {
    (globalThis as { Office?: unknown }).Office = { context: { partitionKey: 'https://contoso.sharepoint.com:' } };
    expect(storageKey('deskbook.installationTag')).toBe('https://contoso.sharepoint.com:deskbook.installationTag');
    expect(storageKey('deskbook.issuedTicketIds', 'p:')).toBe('p:deskbook.issuedTicketIds');
  });
});
