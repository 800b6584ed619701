/**
 * A submission's code as MOSS compares it: each function a token stream in
 * which what a copier changes cheaply is gone. Types are stripped (TypeScript
 * transpiled to JavaScript), comments and formatting are not tokens, every
 * name the submission declares becomes `$`, every literal `#`; what stays are
 * keywords, operators and the names of the APIs it calls (`tf.matMul`, `.shape`),
 * which carry the code's shape. Functions are separate units, so their order
 * does not matter.
 */
import { transform } from 'esbuild';
import type { Node, SourceFile } from 'ts-morph';

export interface FunctionTokens {
  /** The function's name as written (`(top level)` for code outside functions). */
  name: string;
  tokens: string[];
}

type TsMorph = typeof import('ts-morph');
let morph: { lib: TsMorph; project: InstanceType<TsMorph['Project']> } | undefined;

/** ts-morph costs ~0.6 s to load: only a batch that compares submissions pays for it. */
async function tsMorph() {
  if (!morph) {
    const lib = await import('ts-morph');
    morph = { lib, project: new lib.Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } }) };
  }
  return morph;
}

/** The top-level functions of `source` (declarations, and arrow or function expressions bound to a const), normalised. */
export async function normalise(source: string): Promise<FunctionTokens[]> {
  const { lib, project } = await tsMorph();
  const { ts, SyntaxKind } = lib;
  const sf = project.createSourceFile('submission.js', await stripTypes(source, ts), { overwrite: true });
  const declared = declaredNames(sf, lib);
  const units: FunctionTokens[] = [];
  const rest: Node[] = [];
  for (const statement of sf.getStatements()) {
    const fn = functionOf(statement, SyntaxKind);
    if (fn) units.push({ name: fn.name, tokens: tokensOf(fn.body, declared, ts) });
    else rest.push(statement);
  }
  const top = rest.flatMap((n) => tokensOf(n, declared, ts));
  return top.length ? [...units, { name: '(top level)', tokens: top }] : units;
}

/**
 * esbuild strips the types in ~3 ms where TypeScript's transpileModule takes
 * ~40; TypeScript still reads what esbuild refuses (code with syntax
 * errors: a broken copy is still a copy). The scanner skips comments either way.
 */
async function stripTypes(source: string, ts: TsMorph['ts']): Promise<string> {
  try {
    return (await transform(source, { loader: 'ts', target: 'es2022' })).code;
  } catch {
    return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  }
}

function functionOf(statement: Node, kind: TsMorph['SyntaxKind']): { name: string; body: Node } | undefined {
  if (statement.isKind(kind.FunctionDeclaration)) return { name: statement.getName() ?? '(anonymous)', body: statement };
  if (!statement.isKind(kind.VariableStatement)) return undefined;
  const [decl] = statement.getDeclarations();
  const init = decl?.getInitializer();
  if (statement.getDeclarations().length === 1 && init && (init.isKind(kind.ArrowFunction) || init.isKind(kind.FunctionExpression))) return { name: decl.getName(), body: init };
  return undefined;
}

/** Every name the submission binds (functions, variables, parameters, destructured names): the ones a copier renames. */
function declaredNames(sf: SourceFile, { SyntaxKind: kind, ts }: TsMorph): Set<string> {
  const names = new Set<string>();
  for (const k of [kind.FunctionDeclaration, kind.VariableDeclaration, kind.Parameter, kind.BindingElement, kind.ClassDeclaration]) {
    for (const d of sf.getDescendantsOfKind(k)) {
      const name = (d.compilerNode as { name?: import('ts-morph').ts.Node }).name;
      if (name && ts.isIdentifier(name)) names.add(name.text);
    }
  }
  // `import * as tf` binds a name too, but every submission shares it: it stays.
  return names;
}

/** The node's tokens as the scanner reads them, names and literals normalised. */
function tokensOf(node: Node, declared: Set<string>, ts: TsMorph['ts']): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, node.getText());
  const out: string[] = [];
  let previous = '';
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    const text = scanner.getTokenText();
    let token: string;
    if (t === ts.SyntaxKind.Identifier) token = previous !== '.' && declared.has(text) ? '$' : text;
    else if (t === ts.SyntaxKind.NumericLiteral || t === ts.SyntaxKind.StringLiteral || t === ts.SyntaxKind.NoSubstitutionTemplateLiteral || t === ts.SyntaxKind.BigIntLiteral) token = '#';
    else token = text;
    out.push(token);
    previous = text;
  }
  return out;
}
