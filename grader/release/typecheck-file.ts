/** Type-checks one TypeScript file as a student's editor would, against the course's node_modules. */
import { Project, ts } from 'ts-morph';

/** The compiler options of the project's tsconfig that matter to one student file (no Node types: the stub runs beside tfjs only). */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  types: [],
};

/** Each type error in `file` (and what it imports), as `file:line:col: message`. */
export function typeErrors(file: string): string[] {
  // ts-morph brings TypeScript's lib files with it (the grader does not depend on the typescript package).
  const project = new Project({ compilerOptions: OPTIONS, skipAddingFilesFromTsConfig: true });
  project.addSourceFileAtPath(file);
  return project.getPreEmitDiagnostics().map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, ' ');
    const at = d.getSourceFile();
    const start = d.getStart();
    if (!at || start === undefined) return text;
    const { line, column } = at.getLineAndColumnAtPos(start);
    return `${at.getFilePath()}:${line}:${column}: ${text}`;
  });
}
