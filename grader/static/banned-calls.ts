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
 * functions and classes they reach. Syntactic: no type-check, so it stays
 * fast. It follows the names tf goes by (imports, `const T = tf`,
 * `const { grads } = tf`, `require`), and counts as a use of everything under
 * a namespace what it cannot follow: a computed key (`tf[name]`) or the
 * namespace passed on as a value (`f(tf)`, `Reflect.get(tf, k)`).
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
          if (call) out.push({ fn, call: shownName(use.name), line: use.line, reason: rule.reason });
        }
      }
    }
  }
  return out;
}

/** A path past a computed key or an escape, said in words: the student sees it. */
function shownName(name: string): string {
  const any = name.indexOf(`.${ANY}`);
  if (any < 0) return name;
  const base = name.slice(0, any);
  return `${base}[...] (a computed key, or ${base} handed on as a value: it may reach any API under ${base})`;
}

/** Local names -> the tf paths they may stand for: `tf` for the namespace, `tf.grads`, `tf.train`, ... */
type Aliases = Map<string, Set<string>>;

/** Bounds on what aliasing follows (`a = a.b` in a loop would grow a path forever). */
const MAX_PATH_DEPTH = 8;
const MAX_PATHS_PER_NAME = 32;

/** What a name reached through a computed key or a namespace passed as a value stands for: anything under its path. */
const ANY = '[any]';

const TFJS = '@tensorflow/tfjs';

/** Every name in the file that stands for tf or part of it, followed through assignments until nothing changes. */
function tfAliases(sf: SourceFile): Aliases {
  const { Node, SyntaxKind } = tsMorph();
  const aliases: Aliases = new Map();
  for (const imp of sf.getImportDeclarations()) {
    if (imp.getModuleSpecifierValue() !== TFJS) continue;
    const ns = imp.getNamespaceImport() ?? imp.getDefaultImport();
    if (ns) aliases.set(ns.getText(), new Set(['tf']));
    for (const n of imp.getNamedImports()) aliases.set(n.getAliasNode()?.getText() ?? n.getName(), new Set([`tf.${n.getName()}`]));
  }
  for (const imp of sf.getDescendantsOfKind(SyntaxKind.ImportEqualsDeclaration)) {
    if (imp.getModuleReference().getText().includes(TFJS)) aliases.set(imp.getName(), new Set(['tf']));
  }
  const bindings: { target: Node; value: Node }[] = [];
  sf.forEachDescendant((node) => {
    if ((Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node) || Node.isBindingElement(node)) && node.getInitializer()) {
      bindings.push({ target: node.getNameNode(), value: node.getInitializer()! });
    } else if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
      bindings.push({ target: node.getLeft(), value: node.getRight() });
    }
  });
  let changed = true;
  const bind = (name: string, path: string) => {
    const known = aliases.get(name) ?? new Set<string>();
    if (known.has(path) || known.size >= MAX_PATHS_PER_NAME || path.split('.').length > MAX_PATH_DEPTH) return;
    aliases.set(name, known.add(path));
    changed = true;
  };
  const bindTarget = (target: Node, path: string): void => {
    if (Node.isIdentifier(target)) bind(target.getText(), path);
    else if (Node.isObjectBindingPattern(target) || Node.isObjectLiteralExpression(target)) {
      for (const el of target.getDescendantsOfKind(SyntaxKind.BindingElement)) {
        if (el.getParent() !== target || !Node.isIdentifier(el.getNameNode())) continue;
        const key = el.getPropertyNameNode()?.getText() ?? el.getName();
        bind(el.getName(), el.getDotDotDotToken() ? path : `${path}.${key.replace(/^['"]|['"]$/g, '')}`);
      }
      for (const prop of target.getDescendantsOfKind(SyntaxKind.ShorthandPropertyAssignment)) {
        if (prop.getParent() === target) bind(prop.getName(), `${path}.${prop.getName()}`);
      }
    } else if (Node.isArrayBindingPattern(target) || Node.isArrayLiteralExpression(target)) {
      for (const id of target.getDescendantsOfKind(SyntaxKind.Identifier)) bind(id.getText(), `${path}.${ANY}`);
    }
  };
  // Sets only grow, and are bounded: this ends.
  while (changed) {
    changed = false;
    for (const { target, value } of bindings) for (const path of pathsOf(value, aliases)) bindTarget(target, path);
  }
  return aliases;
}

/** The tf paths `node` may evaluate to (`tf.train.adam`; `tf.[any]` past a computed key); none when it is not tf's. */
function pathsOf(node: Node, aliases: Aliases): string[] {
  const { Node } = tsMorph();
  if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node) || Node.isTypeAssertion(node) || Node.isSatisfiesExpression(node) || Node.isAwaitExpression(node)) {
    return pathsOf(node.getExpression(), aliases);
  }
  if (Node.isIdentifier(node)) return [...(aliases.get(node.getText()) ?? [])];
  if (Node.isPropertyAccessExpression(node)) return pathsOf(node.getExpression(), aliases).map((left) => `${left}.${node.getName()}`);
  if (Node.isElementAccessExpression(node)) {
    const arg = node.getArgumentExpression();
    const key = arg && (Node.isStringLiteral(arg) || Node.isNoSubstitutionTemplateLiteral(arg)) ? arg.getLiteralValue() : ANY;
    return pathsOf(node.getExpression(), aliases).map((left) => `${left}.${key}`);
  }
  if (Node.isCallExpression(node)) {
    // require('@tensorflow/tfjs') and import('@tensorflow/tfjs') are the namespace.
    const callee = node.getExpression().getText();
    const [arg] = node.getArguments();
    if ((callee === 'require' || callee === 'import') && arg && Node.isStringLiteral(arg) && arg.getLiteralValue() === TFJS) return ['tf'];
  }
  return [];
}

/** The export's own body plus the bodies of top-level functions, classes and variables it reaches by name. */
function reachableBodies(sf: SourceFile, fn: string): Node[] {
  const locals = new Map<string, Node>();
  for (const f of sf.getFunctions()) if (f.getName()) locals.set(f.getName()!, f);
  for (const c of sf.getClasses()) if (c.getName()) locals.set(c.getName()!, c);
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

/**
 * The tf paths `root` uses: each access chain and each alias once, by its
 * outermost node; a namespace handed on as a value (an argument, a property,
 * an element, a spread, a return value) is a use of everything under it.
 */
function apiUses(root: Node, aliases: Aliases): { name: string; line: number }[] {
  const { Node } = tsMorph();
  const uses: { name: string; line: number }[] = [];
  const check = (node: Node) => {
    if (!(Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node) || Node.isIdentifier(node))) return;
    const parent = node.getParent();
    // Inner links of a chain: the outermost node names the whole path.
    if (parent && (Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === node) return;
    if (Node.isIdentifier(node) && parent && isDeclarationName(node, parent)) return;
    const line = node.getStartLineNumber();
    for (const name of pathsOf(node, aliases)) {
      uses.push({ name, line });
      if (parent && escapes(node, parent)) uses.push({ name: `${name}.${ANY}`, line });
    }
  };
  check(root);
  root.forEachDescendant(check);
  return uses;
}

/** True when `id` is the name a declaration binds or a property key, not a use of it. */
function isDeclarationName(id: Node, parent: Node): boolean {
  const { Node } = tsMorph();
  if (Node.isImportSpecifier(parent) || Node.isNamespaceImport(parent) || Node.isImportClause(parent) || Node.isImportEqualsDeclaration(parent)) return true;
  if ((Node.isVariableDeclaration(parent) || Node.isParameterDeclaration(parent) || Node.isBindingElement(parent) || Node.isFunctionDeclaration(parent)) && parent.getNameNode() === id) return true;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === id) return true;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return true;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return true;
  return false;
}

/** True when `node`, a tf path, leaves the code's sight: passed, stored in a literal, spread or returned. */
function escapes(node: Node, parent: Node): boolean {
  const { Node } = tsMorph();
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) return parent.getArguments().includes(node);
  return (
    Node.isShorthandPropertyAssignment(parent) ||
    (Node.isPropertyAssignment(parent) && parent.getInitializer() === node) ||
    Node.isArrayLiteralExpression(parent) ||
    Node.isSpreadElement(parent) ||
    Node.isSpreadAssignment(parent) ||
    Node.isReturnStatement(parent) ||
    Node.isArrowFunction(parent)
  );
}

/** `tf.train.*` matches everything under `tf.train`; other patterns match exactly. */
function matches(pattern: string, name: string): boolean {
  // A path past a computed key or an escape (`tf.[any]`) may be anything under the path before it.
  const any = name.indexOf(ANY);
  if (any >= 0) return pattern.startsWith(name.slice(0, any));
  return pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
