/** Public URL of a stored image. Ids never change their bytes, so the URL can be cached for ever. */
export function mediaUrl(id: number, fileName: string): string {
  return `/media/${id}/${encodeURIComponent(fileName)}`;
}
