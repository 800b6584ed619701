import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.ts';

const REPORTS = path.join(TEMPLATES_DIR, 'reports');
const PARTIALS = path.join(REPORTS, 'partials');

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * A report template from templates/reports with the shared partials,
 * compiled once per process (a batch renders hundreds of reports); the
 * reporter's helpers come with each rendering, as the terminal's depend on
 * whether it may use colours.
 */
export function reportTemplate(file: string, helpers: Handlebars.HelperDeclareSpec, options: CompileOptions = {}): Handlebars.TemplateDelegate {
  const key = JSON.stringify([file, options]);
  if (!compiled.has(key)) {
    const hb = Handlebars.create();
    for (const partial of readdirSync(PARTIALS)) hb.registerPartial(path.basename(partial, '.hbs'), readFileSync(path.join(PARTIALS, partial), 'utf8'));
    compiled.set(key, hb.compile(readFileSync(path.join(REPORTS, file), 'utf8'), options));
  }
  const template = compiled.get(key)!;
  return (context: unknown) => template(context, { helpers });
}
