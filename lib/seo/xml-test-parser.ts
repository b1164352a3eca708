/**
 * A small, strict XML reader for tests: elements, attributes, text and the
 * predefined and numeric entities. It throws where an XML parser would
 * (mismatched tags, a raw "<" or "&" in text or attributes, "]]>" in text,
 * characters XML forbids), so a document it accepts is well formed for these
 * purposes. No DTDs, comments, CDATA or processing instructions besides the
 * declaration: the documents under test use none.
 */
export type XmlNode = { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string };

const NAME = /^[A-Za-z_][\w.:-]*/;
const FORBIDDEN = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`bare "&" in ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1]!, body.startsWith('#x') ? 16 : 10));
    throw new Error(`unknown entity &${body}; in ${where}`);
  });
}

export function parseXml(source: string): XmlNode {
  let pos = 0;
  const declaration = /^<\?xml[^?]*\?>\s*/.exec(source);
  if (declaration) pos = declaration[0].length;
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  while (pos < source.length) {
    const top = stack.at(-1)!;
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    const rawText = source.slice(pos, textEnd);
    if (rawText.includes(']]>')) throw new Error('"]]>" in text');
    const text = decode(rawText, `text of <${top.name}>`);
    if (stack.length === 1 && text.trim()) throw new Error('text outside the root element');
    top.text += text;
    if (lt === -1) break;
    pos = lt;
    if (source.startsWith('</', pos)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(pos));
      if (!m || m[1] !== top.name || stack.length === 1) throw new Error(`unexpected closing tag at ${pos}`);
      stack.pop();
      pos += m[0].length;
      continue;
    }
    const name = NAME.exec(source.slice(pos + 1))?.[0];
    if (!name) throw new Error(`bad tag at ${pos}`);
    pos += 1 + name.length;
    const node: XmlNode = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const rest = source.slice(pos);
      const close = /^\s*(\/?)>/.exec(rest);
      if (close) {
        pos += close[0].length;
        if (stack.length === 1 && root.children.length > 0) throw new Error('second root element');
        top.children.push(node);
        if (!close[1]) stack.push(node);
        break;
      }
      const attr = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(rest);
      if (!attr) throw new Error(`bad attribute in <${name}> at ${pos}`);
      if (attr[1]! in node.attributes) throw new Error(`duplicate attribute ${attr[1]}`);
      node.attributes[attr[1]!] = decode(attr[2]!, `attribute ${attr[1]}`);
      pos += attr[0].length;
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  const [element] = root.children;
  if (!element || root.children.length !== 1) throw new Error('no root element');
  return element;
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

export function child(node: XmlNode, name: string): XmlNode {
  const found = childrenNamed(node, name);
  if (found.length !== 1) throw new Error(`<${node.name}> has ${found.length} <${name}>`);
  return found[0]!;
}
