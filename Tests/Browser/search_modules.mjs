// Loads the theme's search scripts (templates/assets/search-*.js, ES modules with a .js name) in any Node
// from 18 on: they are copied into a temporary folder whose package.json says "type": "module", so no
// command-line flag is needed to read them as modules.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const assets = fileURLToPath(new URL('../../templates/assets/', import.meta.url));
let folder = null;

/** The module `templates/assets/<name>`, e.g. `search-engine.js`. */
export async function searchModule(name) {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), 'sitegen-search-js-'));
    writeFileSync(join(folder, 'package.json'), '{"type": "module"}\n');
    for (const file of readdirSync(assets)) {
      if (file.startsWith('search') && file.endsWith('.js')) copyFileSync(join(assets, file), join(folder, file));
    }
  }
  return import(pathToFileURL(join(folder, name)).href);
}
