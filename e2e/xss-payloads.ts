/**
 * Cross-site scripting payloads for the end-to-end security tests
 * (e2e/security-xss.spec.ts). Every one of them, if a page ever ran it, calls
 * alert(<its id>) or sets window.__xss, so a run is caught by the spec's trap
 * (a dialog listener and a setter on window.__xss) and the id says which
 * payload got through.
 *
 * Constraints the spec relies on, asserted there:
 * - at most 60 characters, so each one fits every field it is written into
 *   (tag names are the shortest, 60);
 * - no leading or trailing whitespace (the API trims), no CR, LF or C0
 *   control other than tab (HTML turns CR into LF, XML forbids the rest),
 *   and NFC-stable text (search highlights normalise to NFC), so a page
 *   that escapes correctly shows the payload exactly as it was written;
 * - a distinct id number in each, so their slugs (tags, bylines) differ.
 */
export type XssCategory =
  | 'script tag'
  | 'event handler'
  | 'dangerous URL'
  | 'svg'
  | 'style'
  | 'broken markup'
  | 'template or JSON breakout'
  | 'unicode trick'
  | 'embedding and navigation';

export type XssPayload = {
  id: number;
  category: XssCategory;
  text: string;
  /**
   * True when the text starts like a link the article body accepts
   * (http://, https://, mailto:, a site path or a #fragment): as a link's
   * href it is stored, and must then be rendered as an inert attribute.
   * Every other payload is a dangerous href the API must refuse with 422.
   */
  hrefAccepted?: boolean;
};

const TAB = '\t';
const ZWJ = '\u200D';
const ZWSP = '\u200B';
const RLO = '\u202E';
const PDF = '\u202C';
const LINE_SEP = '\u2028';
const PARA_SEP = '\u2029';
/** `<script>alert(130)</script>`, base64-encoded for a data: URL. */
const BASE64_SCRIPT = Buffer.from('<script>alert(130)</script>').toString('base64');

export const xssPayloads: XssPayload[] = [
  // Script tags, with case, spacing and nesting variants.
  { id: 101, category: 'script tag', text: '<script>alert(101)</script>' },
  { id: 102, category: 'script tag', text: '<ScRiPt>alert(102)</sCrIpT>' },
  { id: 104, category: 'script tag', text: `<script${TAB}>alert(104)</script${TAB}>` },
  { id: 106, category: 'script tag', text: '<scr<script>ipt>alert(106)</script>' },
  { id: 108, category: 'script tag', text: '<script>window.__xss=108</script>' },

  // Event handlers.
  { id: 111, category: 'event handler', text: '<img src=x onerror=alert(111)>' },
  { id: 112, category: 'event handler', text: '<svg onload=alert(112)>' },
  { id: 113, category: 'event handler', text: '<body onload=alert(113)>' },
  { id: 114, category: 'event handler', text: '<details open ontoggle=alert(114)>' },
  { id: 115, category: 'event handler', text: '<input autofocus onfocus=alert(115)>' },
  { id: 120, category: 'event handler', text: '<img src=x onerror="window.__xss=120">' },
  { id: 122, category: 'event handler', text: '<img src=x onerror=alert&#40;122&#41;>' },
  { id: 123, category: 'event handler', text: '<img src=x onerror=\\u0061lert(123)>' },

  // javascript:, data: and vbscript: URLs, plain and obfuscated.
  { id: 124, category: 'dangerous URL', text: 'javascript:alert(124)' },
  { id: 125, category: 'dangerous URL', text: 'JaVaScRiPt:alert(125)' },
  { id: 126, category: 'dangerous URL', text: 'java&#x09;script:alert(126)' },
  { id: 127, category: 'dangerous URL', text: `java${TAB}script:alert(127)` },
  { id: 129, category: 'dangerous URL', text: 'data:text/html,<script>alert(129)</script>' },
  { id: 130, category: 'dangerous URL', text: `data:text/html;base64,${BASE64_SCRIPT}` },
  { id: 131, category: 'dangerous URL', text: 'vbscript:alert(131)' },
  { id: 135, category: 'dangerous URL', text: '//x.example/"><svg onload=alert(135)>' },

  // Links the body accepts, each trying to break out of the href attribute.
  { id: 136, category: 'dangerous URL', text: 'https://x.example/"><script>alert(136)</script>', hrefAccepted: true },
  { id: 137, category: 'dangerous URL', text: "/'><svg onload=alert(137)>", hrefAccepted: true },
  { id: 138, category: 'dangerous URL', text: '#"><img src=x onerror=alert(138)>', hrefAccepted: true },
  { id: 139, category: 'dangerous URL', text: 'mailto:a@x.example?subject="><script>alert(139)</script>', hrefAccepted: true },

  // SVG.
  { id: 141, category: 'svg', text: '<svg><script>alert(141)</script></svg>' },
  { id: 142, category: 'svg', text: '<svg><foreignObject><img src=x onerror=alert(142)>' },
  { id: 143, category: 'svg', text: '<svg><use href="#u"/><image id=u href=x onerror=alert(143)>' },
  { id: 144, category: 'svg', text: '<svg><a href="javascript:alert(144)"><text>x</text></a>' },
  { id: 146, category: 'svg', text: '<svg><script>alert&#40;146&#41;</script></svg>' },

  // Style tricks.
  { id: 147, category: 'style', text: '<div style="width:expression(alert(147))">x</div>' },
  { id: 148, category: 'style', text: '<div style="background:url(javascript:alert(148))">' },
  { id: 149, category: 'style', text: "<style>@import 'javascript:alert(149)';</style>" },
  { id: 150, category: 'style', text: '<link rel=stylesheet href="javascript:alert(150)">' },

  // Broken or unclosed markup and attribute breakouts.
  { id: 151, category: 'broken markup', text: '<img src=x onerror=alert(151)//' },
  { id: 152, category: 'broken markup', text: '"><svg/onload=alert(152)>' },
  { id: 153, category: 'broken markup', text: "'-alert(153)-'" },
  { id: 155, category: 'broken markup', text: '" onfocus="alert(155)" autofocus="' },
  { id: 156, category: 'broken markup', text: "'><img src=x onerror=alert(156)>" },

  // Template, JSON and document-context breakouts.
  { id: 161, category: 'template or JSON breakout', text: '</script><script>alert(161)</script>' },
  { id: 162, category: 'template or JSON breakout', text: '<!--<script>alert(162)//-->' },
  { id: 163, category: 'template or JSON breakout', text: ']]><script>alert(163)</script>' },
  { id: 165, category: 'template or JSON breakout', text: '</title><script>alert(165)</script>' },
  { id: 168, category: 'template or JSON breakout', text: '"};alert(168);//' },
  { id: 169, category: 'template or JSON breakout', text: `x${LINE_SEP}${PARA_SEP}</script><script>alert(169)</script>` },

  // Unicode tricks: look-alikes that must stay text, and invisible characters inside markup.
  { id: 181, category: 'unicode trick', text: '＜script＞alert(181)＜/script＞' },
  { id: 183, category: 'unicode trick', text: `<scr${ZWJ}ipt>alert(183)</scr${ZWJ}ipt>` },
  { id: 184, category: 'unicode trick', text: `<img src=x one${ZWSP}rror=alert(184)>` },
  { id: 185, category: 'unicode trick', text: `${RLO}<svg onload=alert(185)>${PDF}` },
  { id: 186, category: 'unicode trick', text: '<ѕcript>alert(186)</ѕcript>' },
  { id: 189, category: 'unicode trick', text: '&lt;script&gt;alert(189)&lt;/script&gt;' },

  // Frames, plugins, refresh, base and forms.
  { id: 191, category: 'embedding and navigation', text: '<iframe src="javascript:alert(191)"></iframe>' },
  { id: 192, category: 'embedding and navigation', text: '<iframe srcdoc="<script>alert(192)</script>">' },
  { id: 195, category: 'embedding and navigation', text: '<meta http-equiv=refresh content=0;javascript:alert(195)>' },
  { id: 196, category: 'embedding and navigation', text: '<base href="javascript:alert(196)//">' },
  { id: 197, category: 'embedding and navigation', text: '<form action="javascript:alert(197)"><button>x' },
];
