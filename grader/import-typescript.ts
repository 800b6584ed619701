import { pathToFileURL } from 'node:url';

let registered = false;

/**
 * Imports a TypeScript module at run time (an assignment's staff code). The
 * precompiled grader runs without a TypeScript loader, so tsx's is
 * registered on first need; under tsx or vitest the file imports directly.
 */
export async function importTypeScript(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  // Node remembers a failed import of a URL: once tsx is in, ask under another.
  if (registered) return import(`${url}?typescript`);
  try {
    return await import(url);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    const { register } = await import('tsx/esm/api');
    register();
    registered = true;
    return import(`${url}?typescript`);
  }
}
