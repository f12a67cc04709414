/**
 * Runs a file of the extension's package once and takes what it leaves under `globalName`. A
 * content script is one classic script (the bundler cannot split it), but it may `import()` a file
 * of the extension listed in web_accessible_resources: the module runs in the content script's own
 * (isolated) world, in Chromium and Firefox, where it leaves its value.
 */
export async function importPackaged<T>(url: string, globalName: string): Promise<T> {
  const world = globalThis as Record<string, unknown>;
  if (!world[globalName]) await import(/* @vite-ignore */ url);
  const value = world[globalName] as T | undefined;
  if (!value) throw new Error(`${url} did not load`);
  return value;
}
