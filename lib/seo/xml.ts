/**
 * XML text and attribute escaping for feeds and sitemaps.
 *
 * Everything that reaches a feed went through an editor's hands, so any
 * character may appear: the five markup characters are escaped, and code
 * points XML 1.0 does not allow at all (C0 controls other than tab and line
 * breaks, lone surrogates, U+FFFE/U+FFFF) are dropped, because no escape can
 * make them legal and one of them would make the whole document unreadable.
 */
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name>escaped text</name>`, or nothing when the value is empty. */
export function xmlElement(name: string, value: string | number | null | undefined, attributes: Record<string, string | number> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, v]) => ` ${key}="${escapeXml(String(v))}"`)
    .join('');
  if (value === null || value === undefined || value === '') return attrs ? `<${name}${attrs}/>` : '';
  return `<${name}${attrs}>${escapeXml(String(value))}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
