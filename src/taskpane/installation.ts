// This installation of the pane: its ticket-ID tag, the IDs it issued lately and the language the
// clerk chose, kept in the browser's localStorage (inside Excel: the task pane's own web storage on this machine; Office's
// roamingSettings exist only in Outlook, and the document's settings are shared with every
// co-author, which is exactly what a per-installation tag must not be). See docs/ticket-ids.md.
import type { Lang } from '../domain/enums';
import { drawTag, isTag } from '../domain/ticketId';

const TAG_KEY = 'deskbook.installationTag';
const ISSUED_KEY = 'deskbook.issuedTicketIds';
const LANG_KEY = 'deskbook.lang';

/**
 * Where Office partitions an add-in's storage (Excel on the web, new Outlook…), keys must carry
 * `Office.context.partitionKey`, as Microsoft's docs for add-in storage say; elsewhere it is unset.
 */
export function storageKey(key: string, partitionKey: string | undefined = officePartitionKey()): string {
  return partitionKey ? `${partitionKey}${key}` : key;
}

function officePartitionKey(): string | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context as { partitionKey?: string } | undefined)?.partitionKey || undefined : undefined;
  } catch {
    return undefined;
  }
}
/** enough to cover the rows appended but not yet seen in the workbook's copy, and a day's work */
const ISSUED_KEPT = 200;

// When storage is refused (private windows, locked-down policies) the pane keeps both for the
// session: IDs stay unique, the tag is simply drawn anew next time.
const memory = new Map<string, string>();

function load(name: string): string | null {
  const key = storageKey(name);
  try {
    return window.localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function store(name: string, value: string): void {
  const key = storageKey(name);
  memory.set(key, value);
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // kept in memory above
  }
}

function randomUnit(): number {
  const buf = new Uint32Array(1);
  window.crypto.getRandomValues(buf);
  return buf[0] / 2 ** 32;
}

/** This installation's tag; drawn on first use, avoiding the tags the workbook already uses. */
export function installationTag(tagsInUse: ReadonlyArray<string>): string {
  const kept = load(TAG_KEY);
  if (kept && isTag(kept)) return kept;
  const tag = drawTag(randomUnit, new Set(tagsInUse));
  store(TAG_KEY, tag);
  return tag;
}

/** The IDs this installation issued lately, newest last. */
export function issuedIds(): string[] {
  try {
    const parsed: unknown = JSON.parse(load(ISSUED_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberIssued(id: string): void {
  store(ISSUED_KEY, JSON.stringify([...issuedIds(), id].slice(-ISSUED_KEPT)));
}

/** The language the clerk chose with the pane's switch, or null before they chose one. */
export function rememberedLang(): Lang | null {
  const kept = load(LANG_KEY);
  return kept === 'zh' || kept === 'en' ? kept : null;
}

export function rememberLang(lang: Lang): void {
  store(LANG_KEY, lang);
}
