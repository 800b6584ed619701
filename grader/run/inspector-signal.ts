/**
 * SIGUSR1 opens a Node process's inspector on 127.0.0.1:9229, through which
 * anything can run inside it; any process of the same user can send it. A
 * grader that runs student code handles the signal itself (and ignores it),
 * which keeps the inspector closed. Installed once, by whatever starts a
 * student process first, so every entry point (CLI, tests, batch) gets it.
 */
let installed = false;

export function refuseInspectorSignal(): void {
  if (installed) return;
  installed = true;
  process.on('SIGUSR1', () => {});
}
