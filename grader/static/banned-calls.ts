import { createRequire } from 'node:module';
import type { Node, Project, SourceFile } from 'ts-morph';
import type { StaticCheckSpec } from '../definition/manifest.ts';

type TsMorph = typeof import('ts-morph');
let loaded: TsMorph | undefined;

/**
 * ts-morph costs ~0.6 s of CPU to load, and the rule registry imports this
 * file at every grader start: it is loaded on first use instead, in the
 * static-checks worker.
 */
function tsMorph(): TsMorph {
  // An ES module (tsx, vitest, the precompiled grader) has import.meta.url; the worker's CommonJS bundle has require.
  loaded ??= (typeof import.meta.url === 'string' ? createRequire(import.meta.url) : require)('ts-morph') as TsMorph;
  return loaded;
}

export interface Violation {
  /** The graded export the rule applies to. */
  fn: string;
  /** The banned API as the rule names it, e.g. `tf.grads`. */
  call: string;
  line: number;
  reason: string;
}

let project: Project | undefined;

/**
 * Finds uses of banned APIs (e.g. autodiff in a function whose gradients must
 * be derived by hand) in the named exports and in the submission's own
 * functions they call. Syntactic: no type-check, so it stays fast.
 */
export function findBannedCalls(fileName: string, source: string, rules: StaticCheckSpec[]): Violation[] {
  project ??= new (tsMorph().Project)({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const sf = project.createSourceFile(fileName, source, { overwrite: true });
  const aliases = tfAliases(sf);
  const out: Violation[] = [];
  for (const rule of rules) {
    for (const fn of rule.functions) {
      for (const node of reachableBodies(sf, fn)) {
        for (const use of apiUses(node, aliases)) {
          const call = rule.calls.find((pattern) => matches(pattern, use.name));
          if (call) out.push({ fn, call: use.name, line: use.line, reason: rule.reason });
        }
      }
    }
  }
  return out;
}

/** `tf.grad`-style names as written, with the module's local names mapped back to `tf`. */
function tfAliases(sf: SourceFile): { namespaces: Set<string>; named: Map<string, string> } {
  const namespaces = new Set<string>();
  const named = new Map<string, string>();
  for (const imp of sf.getImportDeclarations()) {
    if (imp.getModuleSpecifierValue() !== '@tensorflow/tfjs') continue;
    const ns = imp.getNamespaceImport() ?? imp.getDefaultImport();
    if (ns) namespaces.add(ns.getText());
    for (const n of imp.getNamedImports()) named.set(n.getAliasNode()?.getText() ?? n.getName(), `tf.${n.getName()}`);
  }
  return { namespaces, named };
}

/** The export's own body plus the bodies of top-level functions it reaches by name. */
function reachableBodies(sf: SourceFile, fn: string): Node[] {
  const locals = new Map<string, Node>();
  for (const f of sf.getFunctions()) if (f.getName()) locals.set(f.getName()!, f);
  for (const v of sf.getVariableDeclarations()) if (v.getInitializer()) locals.set(v.getName(), v.getInitializer()!);
  const seen = new Set<string>();
  const queue = [fn];
  const bodies: Node[] = [];
  while (queue.length) {
    const name = queue.pop()!;
    const node = locals.get(name);
    if (!node || seen.has(name)) continue;
    seen.add(name);
    bodies.push(node);
    for (const id of node.getDescendantsOfKind(tsMorph().SyntaxKind.Identifier)) if (locals.has(id.getText())) queue.push(id.getText());
  }
  return bodies;
}

function apiUses(root: Node, aliases: { namespaces: Set<string>; named: Map<string, string> }): { name: string; line: number }[] {
  const uses: { name: string; line: number }[] = [];
  root.forEachDescendant((node) => {
    let name: string | undefined;
    if (tsMorph().Node.isPropertyAccessExpression(node) || tsMorph().Node.isElementAccessExpression(node)) {
      const text = accessName(node);
      const [head, ...rest] = text?.split('.') ?? [];
      if (head && aliases.namespaces.has(head) && rest.length) name = ['tf', ...rest].join('.');
    } else if (tsMorph().Node.isIdentifier(node) && aliases.named.has(node.getText()) && !tsMorph().Node.isImportSpecifier(node.getParent())) {
      name = aliases.named.get(node.getText());
    }
    if (name) uses.push({ name, line: node.getStartLineNumber() });
  });
  return uses;
}

/** `tf.train.adam` for `tf.train.adam` and `tf['train']['adam']`. */
function accessName(node: Node): string | undefined {
  if (tsMorph().Node.isIdentifier(node)) return node.getText();
  if (tsMorph().Node.isPropertyAccessExpression(node)) {
    const left = accessName(node.getExpression());
    return left && `${left}.${node.getName()}`;
  }
  if (tsMorph().Node.isElementAccessExpression(node)) {
    const arg = node.getArgumentExpression();
    const left = accessName(node.getExpression());
    return left && arg && tsMorph().Node.isStringLiteral(arg) ? `${left}.${arg.getLiteralValue()}` : undefined;
  }
  return undefined;
}

/** `tf.train.*` matches everything under `tf.train`; other patterns match exactly. */
function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
