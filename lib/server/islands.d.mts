export const ISLANDS_MANIFEST: string;
export function readIslandsScript(distDir: string): string | null;
export function toIslandsPage(html: string, islandsScript: string): string;
