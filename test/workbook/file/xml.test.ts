import { decodeOoxml, escapeAttr, escapeAttrOoxml, escapeText, findTag, findTags, parseAttrs, setAttr, unescapeXml } from '../../../src/workbook/file/xml';

/** What an OOXML reader does: entities first, then _xHHHH_ escapes in one pass. */
const roundTrip = (s: string) => decodeOoxml(unescapeXml(escapeText(s)));

describe('XML escaping', () => {
  it('escapes markup characters in text', () => {
    expect(escapeText('a<b & c>d')).toBe('a&lt;b &amp; c&gt;d');
    expect(escapeText('plain 中文 text')).toBe('plain 中文 text');
  });

  it('writes characters XML 1.0 cannot carry as _xHHHH_', () => {
    expect(escapeText('a\u0001b\u001Fc\uFFFF')).toBe('a_x0001_b_x001F_c_xFFFF_');
    expect(escapeText('line\r\nbreak')).toBe('line_x000D_\nbreak');
    expect(escapeText('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });

  it('escapes a literal _xHHHH_ so it reads back as typed', () => {
    expect(escapeText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeText('my_x_file')).toBe('my_x_file');
    for (const s of ['_x0041_', 'a_X00ff_b', '_x005F_x0041_', 'x\u0000y', '\uD83D\uDE00 emoji', 'lone \uD800 surrogate', '\r\n\t']) {
      expect(roundTrip(s)).toBe(s);
    }
  });

  it('keeps surrogate pairs and escapes lone surrogates', () => {
    expect(escapeText('😀')).toBe('😀');
    expect(escapeText('a\uDC00b')).toBe('a_xDC00_b');
  });

  it('escapes attributes, keeping whitespace as character references', () => {
    expect(escapeAttr('say "hi"\n')).toBe('say &quot;hi&quot;&#10;');
    expect(escapeAttrOoxml('Area\n(m²)')).toBe('Area_x000A_(m²)');
    expect(unescapeXml('&amp;&lt;&#20013;&#x6587;&quot;')).toBe('&<中文"');
  });
});

describe('tag scanner', () => {
  const xml = '<x:root a="1"><x:item id="1"/><x:item id="2" note="a&gt;b"></x:item><items/></x:root>';

  it('finds tags with any prefix, not longer names', () => {
    expect(findTags(xml, 'item').map((t) => t.attrs.id)).toEqual(['1', '2']);
    expect(findTag(xml, 'item')?.prefix).toBe('x:');
    expect(findTag(xml, 'items')?.selfClosing).toBe(true);
    expect(parseAttrs('<a b="x &amp; y" c=\'z\'>')).toEqual({ b: 'x & y', c: 'z' });
  });

  it('sets an attribute in place or adds it', () => {
    expect(setAttr('<t ref="A1:B2"/>', 'ref', 'A1:B9')).toBe('<t ref="A1:B9"/>');
    expect(setAttr('<t a="1">', 'count', '3')).toBe('<t a="1" count="3">');
  });
});
