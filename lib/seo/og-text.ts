/** At most `max` characters (code points), cut at a word boundary with an ellipsis, for text drawn on a fixed-size image. */
export function shortenForImage(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max - 1).join('');
  // The last word is whole when a space follows it; otherwise drop it, unless that loses too much.
  const space = chars[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
