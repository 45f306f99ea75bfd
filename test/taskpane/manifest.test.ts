// Offline structural check of manifest.xml. Microsoft's validator (`office-addin-manifest validate`)
// needs an online service, so this test keeps what can be checked here: well-formed XML, the elements
// Office requires in their schema order, the ribbon button, resource ids, URLs and icon files.
import fs from 'fs';
import path from 'path';
import { pngSize } from '../support/screenshots';
import { child, childrenNamed, descendants, parseXml, XmlElement, XmlSyntaxError } from './xml';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const BASE = 'https://localhost:3000/';

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  basicTypes: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** The top-level elements of a task pane manifest, in the order the schema's sequence demands. */
const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

const REQUIRED_TOP_LEVEL = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`manifest.xml: ${what} is missing`);
  return value;
}

/** Every URL the manifest points at: element text and attribute values, namespace declarations aside. */
function urlsIn(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const el of descendants(root)) {
    if (/^[a-z]+:\/\//i.test(el.text)) urls.push(el.text);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (/^[a-z]+:\/\//i.test(value)) urls.push(value);
    }
  }
  return urls;
}

describe('the XML reader used by this test', () => {
  it.each([
    ['<a><b></a></b>', /does not match/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a x=1/>', /malformed attribute/],
    ['<a>fish & chips</a>', /bare "&"/],
    ['<a/><b/>', /second root/],
    ['<a><b></b>', /never closed/],
    ['<p:a/>', /undeclared namespace prefix/],
    ['<a>&nbsp;</a>', /unknown entity/],
  ])('rejects %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('reads names, namespaces, attributes and text', () => {
    const root = parseXml('<?xml version="1.0"?><r xmlns="urn:r" xmlns:q="urn:q"><!-- c --><q:e k="a &amp; b">x &lt; y</q:e></r>');
    const e = root.children[0];
    expect([root.ns, e.name, e.local, e.ns, e.attrs.k, e.text]).toEqual(['urn:r', 'q:e', 'e', 'urn:q', 'a & b', 'x < y']);
  });
});

describe('manifest.xml', () => {
  const source = fs.readFileSync(MANIFEST, 'utf8');
  const root = parseXml(source);
  const top = (local: string) => must(childrenNamed(root, local)[0], `<${local}>`);

  it('is a well-formed task pane app manifest for Excel', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.ns).toBe(NS.app);
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs['xmlns:xsi']).toBe(NS.xsi);
    expect(root.attrs['xmlns:bt']).toBe(NS.basicTypes);
  });

  it('has every required top-level element, once each, in schema order', () => {
    const names = root.children.map((c) => c.local);
    for (const name of REQUIRED_TOP_LEVEL) expect(names.filter((n) => n === name)).toEqual([name]);
    const ranks = names.map((n) => TOP_LEVEL_ORDER.indexOf(n));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('has a fixed GUID, a four-part version and a provider', () => {
    expect(top('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(top('Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(top('ProviderName').text).toBe('Deskbook');
  });

  it('is Chinese by default with an English override for name and description', () => {
    expect(top('DefaultLocale').text).toBe('zh-CN');
    const name = top('DisplayName');
    expect(name.attrs.DefaultValue).toBe('服务台工作簿');
    expect(childrenNamed(name, 'Override').map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual([['en-US', 'Deskbook']]);
    const description = top('Description');
    expect(description.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    const override = childrenNamed(description, 'Override');
    expect(override.map((o) => o.attrs.Locale)).toEqual(['en-US']);
    expect(override[0].attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    // the store's limits: display name 125 characters, description 250
    expect(name.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const text of [description.attrs.DefaultValue, override[0].attrs.Value]) expect(text.length).toBeLessThanOrEqual(250);
  });

  it('runs in Excel, needs ExcelApi, and may read and write the document', () => {
    expect(childrenNamed(top('Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = must(child(root, 'Requirements', 'Sets'), '<Requirements><Sets>');
    const excelApi = childrenNamed(sets, 'Set').find((s) => s.attrs.Name === 'ExcelApi');
    expect(must(excelApi, '<Set Name="ExcelApi">').attrs.MinVersion).toMatch(/^1\.\d+$/);
    expect(top('Permissions').text).toBe('ReadWriteDocument');
    expect(must(child(root, 'DefaultSettings', 'SourceLocation'), 'DefaultSettings/SourceLocation').attrs.DefaultValue).toBe(
      `${BASE}taskpane.html`,
    );
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    const overrides = top('VersionOverrides');
    expect(overrides.ns).toBe(NS.overrides);
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = must(child(overrides, 'Hosts', 'Host'), 'VersionOverrides/Hosts/Host');
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const point = must(child(host, 'DesktopFormFactor', 'ExtensionPoint'), 'DesktopFormFactor/ExtensionPoint');
    expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    expect(must(child(point, 'OfficeTab'), 'OfficeTab').attrs.id).toBe('TabHome');
    const control = must(child(point, 'OfficeTab', 'Group', 'Control'), 'Group/Control');
    expect(control.attrs['xsi:type']).toBe('Button');
    const action = must(child(control, 'Action'), 'Control/Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    const sourceId = must(child(action, 'SourceLocation'), 'Action/SourceLocation').attrs.resid;
    const url = descendants(overrides).find((e) => e.local === 'Url' && e.attrs.id === sourceId);
    expect(must(url, `<bt:Url id="${sourceId}">`).attrs.DefaultValue).toBe(`${BASE}taskpane.html`);
    // no function file: the button only shows the pane
    expect(descendants(overrides).some((e) => e.local === 'FunctionFile')).toBe(false);
  });

  it('defines every resource it refers to, with ids unique and strings within their limits', () => {
    const overrides = top('VersionOverrides');
    const resources = must(child(overrides, 'Resources'), 'VersionOverrides/Resources');
    const defined = descendants(resources).filter((e) => e.attrs.id !== undefined);
    const ids = defined.map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of defined) expect(e.ns).toBe(NS.basicTypes);
    const referenced = descendants(overrides).flatMap((e) => (e.attrs.resid ? [e.attrs.resid] : []));
    expect([...new Set(referenced)].sort()).toEqual([
      'GetStarted.Description',
      'GetStarted.LearnMoreUrl',
      'GetStarted.Title',
      'Group.Label',
      'Icon.16x16',
      'Icon.32x32',
      'Icon.80x80',
      'Taskpane.Url',
      'TaskpaneButton.Label',
      'TaskpaneButton.Tooltip',
    ]);
    for (const id of referenced) expect(ids).toContain(id);
    const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
    for (const [group, limit] of Object.entries(limits)) {
      for (const s of childrenNamed(must(child(resources, group), group), 'String')) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
        const overridesOf = childrenNamed(s, 'Override');
        expect(overridesOf.map((o) => o.attrs.Locale)).toEqual(['en-US']);
        expect(overridesOf[0].attrs.Value.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('points every URL at the dev server on https://localhost:3000/', () => {
    const urls = urlsIn(root);
    // the add-in's two icons, the button's three, and the pane page (source location, resources)
    expect(urls).toHaveLength(9);
    expect([...new Set(urls)].map((u) => u.slice(BASE.length)).sort()).toEqual([
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
      'taskpane.html',
    ]);
    for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
  });

  it('has an icon file in assets/ for every icon URL, of the size it is used at', () => {
    const icons: Array<{ url: string; size: number }> = [
      // the sizes Microsoft requires: IconUrl 32×32, HighResolutionIconUrl 64×64
      { url: top('IconUrl').attrs.DefaultValue, size: 32 },
      { url: top('HighResolutionIconUrl').attrs.DefaultValue, size: 64 },
    ];
    const images = descendants(top('VersionOverrides')).filter((e) => e.local === 'Image' && e.attrs.id);
    const sizeOf = new Map<string, number>();
    for (const use of descendants(top('VersionOverrides')).filter((e) => e.local === 'Image' && e.attrs.resid)) {
      sizeOf.set(use.attrs.resid, Number(use.attrs.size));
    }
    for (const image of images) icons.push({ url: image.attrs.DefaultValue, size: must(sizeOf.get(image.attrs.id), `a use of ${image.attrs.id}`) });
    expect(new Set(icons.map((i) => i.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of icons) {
      expect(url.startsWith(`${BASE}assets/`)).toBe(true);
      // the build copies assets/ to dist/web/assets/, which the dev server serves at /assets/
      const file = path.join(ROOT, url.slice(BASE.length));
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it('names a page the build produces', () => {
    // webpack's HtmlWebpackPlugin turns this template into dist/web/taskpane.html
    expect(fs.existsSync(path.join(ROOT, 'src/taskpane/taskpane.html'))).toBe(true);
  });
});
