/**
 * What `npm run` does to a forgotten `--`: `npm run grade hw1 --solution`
 * keeps the flag for npm itself (it sets npm_config_solution and drops it),
 * and a value after such a flag becomes one more positional word.
 */

/** Our long options that npm took for itself, as the user typed them (`--solution`, `--no-color`). */
export function swallowedByNpm(longFlags: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.npm_lifecycle_event === undefined) return [];
  return longFlags.filter((flag) => {
    const negated = flag.startsWith('--no-');
    const value = env[`npm_config_${flag.slice(negated ? 5 : 2).replace(/-/g, '_')}`];
    return negated ? value === '' : value !== undefined && value !== '';
  });
}

/** The value of `--name <v>` or `--name=v` in raw arguments, for when parsing them failed. */
export function rawOption(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}
