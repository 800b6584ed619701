/** A reference solution's text in whole pieces, for variants (solutions/<hw>/variants.ts) that rewrite a function in another style. */

/** The reference's exported function `name`, from `export` to its closing brace. */
export function exportedFunction(reference: string, name: string): string {
  const found = new RegExp(`^export (async )?function ${name}\\(.*?^}\\n`, 'ms').exec(reference);
  if (!found) throw new Error(`the reference has no exported function ${name}`);
  return found[0];
}

/** The lines of `name` between its `// BEGIN SOLUTION` and `// END SOLUTION` markers: what the stub replaces, and what a rewrite does. */
export function solutionBody(reference: string, name: string): string {
  const found = /^ *\/\/ BEGIN SOLUTION\n(.*?)^ *\/\/ END SOLUTION\n/ms.exec(exportedFunction(reference, name));
  if (!found) throw new Error(`the reference's ${name} has no solution markers`);
  return found[1];
}
