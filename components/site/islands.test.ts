import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Reader pages hydrate only what components/site/islands.ts lists, without Next.js in the browser.
const folder = path.dirname(new URL(import.meta.url).pathname);
const clientComponents = fs
  .readdirSync(folder)
  .filter((file) => file.endsWith('.tsx'))
  .filter((file) => /^['"]use client['"]/m.test(fs.readFileSync(path.join(folder, file), 'utf8')));

describe('reader islands', () => {
  it('lists every client component of the reader site, so none stays inert on a page', () => {
    const registry = fs.readFileSync(path.join(folder, 'islands.ts'), 'utf8');
    expect(clientComponents.length).toBeGreaterThan(0);
    for (const file of clientComponents) expect(registry, file).toContain(`from './${file.replace(/\.tsx$/, '')}'`);
  });

  it('uses no Next.js client API, which is not there in the browser', () => {
    for (const file of clientComponents) expect(fs.readFileSync(path.join(folder, file), 'utf8'), file).not.toMatch(/from ['"]next\//);
  });
});
