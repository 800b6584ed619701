import type { Reporter } from './reporter.ts';
import { reportTemplate } from './template.ts';

/**
 * The results as they are (grader/schemas/results.schema.json). JSON.stringify
 * escapes lone surrogates, so student text stays valid UTF-8.
 */
export const jsonReporter: Reporter = {
  name: 'json',
  description: 'the results JSON (grader/schemas/results.schema.json)',
  file: 'tfgrade-results.json',
  render(results) {
    const template = reportTemplate('json.hbs', { json: (v: unknown) => JSON.stringify(v, null, 2) }, { noEscape: true });
    return template(results);
  },
};
