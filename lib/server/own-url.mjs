// @ts-check
/**
 * The address by which this server can call itself, from where it listens
 * (`server.address()`): a wildcard address becomes loopback, an IPv6 one gets its brackets.
 * @param {import('node:net').AddressInfo | string | null} info
 * @returns {string | null} `http://host:port`, or null while not listening (or on a pipe)
 */
export function ownUrl(info) {
  if (!info || typeof info === 'string') return null;
  const wildcard = info.address === '::' || info.address === '0.0.0.0' || info.address === '';
  const host = wildcard ? '127.0.0.1' : info.family === 'IPv6' || info.address.includes(':') ? `[${info.address}]` : info.address;
  return `http://${host}:${info.port}`;
}
