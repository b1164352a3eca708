import { describe, expect, it } from 'vitest';
import { escapeXml, xmlElement } from './xml';
import { parseXml } from './xml-test-parser';

const hostile = 'Tin <b>&"nóng"</b> ]]> </script>';

describe('escapeXml', () => {
  it('escapes the markup characters and keeps everything else', () => {
    expect(escapeXml(hostile)).toBe('Tin &lt;b&gt;&amp;&quot;nóng&quot;&lt;/b&gt; ]]&gt; &lt;/script&gt;');
    expect(escapeXml("l'été")).toBe('l&apos;été');
    expect(escapeXml('Đắk Lắk – 😀 ∑')).toBe('Đắk Lắk – 😀 ∑');
  });

  it('does not double-escape an entity-looking text: it is text', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 cannot carry, keeping tabs and line breaks', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\nh\ri')).toBe('abcdef\tg\nh\ri');
  });

  it('round-trips hostile text through an XML reader, in text and in attributes', () => {
    const doc = parseXml(`<r>${xmlElement('t', hostile, { a: hostile })}</r>`);
    expect(doc.children[0]!.text).toBe(hostile);
    expect(doc.children[0]!.attributes.a).toBe(hostile);
  });

  it('leaves out empty elements but keeps attribute-only ones', () => {
    expect(xmlElement('x', '')).toBe('');
    expect(xmlElement('x', null, { url: 'a&b' })).toBe('<x url="a&amp;b"/>');
    expect(xmlElement('x', 0)).toBe('<x>0</x>');
  });
});

describe('the test XML reader', () => {
  it('refuses what an XML parser refuses', () => {
    for (const bad of ['<r>a & b</r>', '<r>a < b</r>', '<r>]]></r>', '<r><a></r>', '<r a="<"/>', '<r/><s/>', '<r>\u0001</r>', '<r>&nbsp;</r>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?>\n<r a="1"><s>x&#233;&#x1F600;</s></r>').children[0]!.text).toBe('xé😀');
  });
});
