import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths.ts';

const REPORTS = path.join(TEMPLATES_DIR, 'reports');
const PARTIALS = path.join(REPORTS, 'partials');

/** A report template from templates/reports, compiled in its own Handlebars environment with its reporter's helpers and the shared partials. */
export function reportTemplate(file: string, helpers: Handlebars.HelperDeclareSpec, options: CompileOptions = {}): Handlebars.TemplateDelegate {
  const hb = Handlebars.create();
  hb.registerHelper(helpers);
  for (const partial of readdirSync(PARTIALS)) hb.registerPartial(path.basename(partial, '.hbs'), readFileSync(path.join(PARTIALS, partial), 'utf8'));
  return hb.compile(readFileSync(path.join(REPORTS, file), 'utf8'), options);
}
