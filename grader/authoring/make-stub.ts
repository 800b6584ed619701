import { Node, Project } from 'ts-morph';
import { GraderError } from '../errors.ts';

export const BEGIN = '// BEGIN SOLUTION';
export const END = '// END SOLUTION';


/**
 * The student stub of a reference solution: every region between
 * `// BEGIN SOLUTION` and `// END SOLUTION` becomes a throw naming its
 * function; signatures, types, doc comments and helpers stay as they are.
 */
export function makeStub(fileName: string, source: string): string {
  const sf = new Project({ useInMemoryFileSystem: true }).createSourceFile(fileName, source);
  const lines = source.split('\n');
  const out: string[] = [];
  let open: { line: number; fn: string; indent: string } | undefined;
  lines.forEach((text, i) => {
    const trimmed = text.trim();
    if (trimmed === BEGIN) {
      if (open) throw new GraderError('BAD_DEFINITION', `${fileName}:${i + 1}: ${BEGIN} inside another solution region (opened at line ${open.line})`);
      const offset = lines.slice(0, i).reduce((a, l) => a + l.length + 1, 0) + text.indexOf('/');
      open = { line: i + 1, fn: enclosingFunction(sf.getDescendantAtPos(offset), fileName, i + 1), indent: text.slice(0, text.indexOf('/')) };
    } else if (trimmed === END) {
      if (!open) throw new GraderError('BAD_DEFINITION', `${fileName}:${i + 1}: ${END} without ${BEGIN}`);
      out.push(`${open.indent}throw new Error('Not implemented: ${open.fn} (${fileName})');`);
      open = undefined;
    } else if (!open) {
      out.push(text);
    }
  });
  if (open) throw new GraderError('BAD_DEFINITION', `${fileName}:${open.line}: ${BEGIN} is never closed`);
  return out.join('\n');
}

function enclosingFunction(node: Node | undefined, fileName: string, line: number): string {
  for (let n = node; n; n = n.getParent()) {
    if (Node.isFunctionDeclaration(n) || Node.isMethodDeclaration(n)) return n.getName() ?? 'anonymous';
    if ((Node.isArrowFunction(n) || Node.isFunctionExpression(n)) && Node.isVariableDeclaration(n.getParent())) return n.getParentOrThrow().getText().split(/[\s=:]/)[0];
  }
  throw new GraderError('BAD_DEFINITION', `${fileName}:${line}: ${BEGIN} is not inside a named function`);
}
