export function islandsFolder(distDir: string): string;
export function writeIslandsManifest(distDir: string, fileName: string): string;
export function readIslandsScript(distDir: string): string | null;
export function toIslandsPage(html: string, islandsScript: string): string;
