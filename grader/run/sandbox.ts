import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../paths.ts';

/**
 * The strongest operating-system layer this machine allows around the
 * student process (README: "What the sandbox stops"):
 * - `namespaces-as-nobody` (the grader is root): bubblewrap gives the process
 *   its own PID, network, IPC, UTS and mount namespaces, then setpriv makes it
 *   user nobody;
 * - `namespaces-user` (an unprivileged grader): the same namespaces inside a
 *   user namespace; the process keeps the grader's user outside it;
 * - `as-nobody` (the grader is root, but bubblewrap is missing or refused, as
 *   in a container without the capability to make namespaces: Gradescope's):
 *   a plain process that setpriv makes user nobody, so the kernel keeps it
 *   from what only root may read (the package makes hidden material so) and
 *   from signalling the grader;
 * - `permissions-only` (an unprivileged grader without namespaces, not
 *   Linux): a plain process as the grader's user.
 * Every layer adds Node's permission model, an empty environment with an
 * allow-list, resource limits and the harness's own defences.
 */
export type SandboxLayer = 'namespaces-as-nobody' | 'namespaces-user' | 'as-nobody' | 'permissions-only';

export interface Sandbox {
  layer: SandboxLayer;
  /** One line for the report and --help: what holds the student process here. */
  description: string;
  /** The command that runs `node <args>` inside this layer, able to read `readable` (host paths). */
  command(args: string[], readable: string[]): { file: string; args: string[] };
}

/**
 * Variables the student process may see, from the grader's environment when set there; nothing else crosses.
 * TFGRADE_WASM_KERNEL_FIXES=off leaves tfjs's own wasm kernels in place (harness/child/wasm-kernels), for staff testing the cpu net.
 */
const ENV_ALLOWED = ['LANG', 'LC_ALL', 'TZ', 'CUDA_VISIBLE_DEVICES', 'LD_LIBRARY_PATH', 'TFGRADE_WASM_KERNEL_FIXES'];
const NOBODY = 65534;
/** Generous for a whole submission (the grader's per-case timers stop hangs first); it bounds a process the grader lost. */
const CPU_SECONDS = 600;
const OPEN_FILES = 256;

/** The environment of the student process: PATH, HOME and the allow-list. */
export function studentEnv(): { [k: string]: string } {
  const env: { [k: string]: string } = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/tmp' };
  for (const k of ENV_ALLOWED) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return env;
}

let chosen: Sandbox | undefined;

/**
 * Detects the layer once per grader process. TFGRADE_SANDBOX may ask for a
 * weaker layer than the machine allows (tests, debugging), never a stronger one.
 */
export function sandbox(): Sandbox {
  chosen ??= detectSandbox(process.env.TFGRADE_SANDBOX);
  return chosen;
}

/** The strongest layer that works here, starting from `asked` (default: the strongest of all). */
export function detectSandbox(asked?: string): Sandbox {
  const order: SandboxLayer[] = ['namespaces-as-nobody', 'namespaces-user', 'as-nobody', 'permissions-only'];
  const from = Math.max(0, order.indexOf(asked as SandboxLayer));
  const tools = { bwrap: findTool('bwrap'), setpriv: findTool('setpriv'), prlimit: findTool('prlimit') };
  const why: string[] = [];
  for (const layer of order.slice(from, -1)) {
    const candidate = layerFor(layer, tools);
    if (typeof candidate === 'string') {
      if (candidate) why.push(candidate);
      continue;
    }
    const failure = probe(candidate);
    if (!failure) return candidate;
    why.push(`${layer}: ${failure}`);
  }
  return plain(tools, why);
}

type Tools = { bwrap?: string; setpriv?: string; prlimit?: string };

/** The layer as this machine could build it, or why it cannot (empty: it does not apply, nothing to report). */
function layerFor(layer: SandboxLayer, { bwrap, setpriv, prlimit }: Tools): Sandbox | string {
  const root = process.getuid?.() === 0;
  if (layer === 'as-nobody') return root && setpriv ? asNobody(setpriv, prlimit) : '';
  if (!bwrap) return layer === 'namespaces-as-nobody' ? 'bubblewrap is not installed' : '';
  if (layer === 'namespaces-as-nobody' && (!root || !setpriv)) return '';
  return namespaces(layer, bwrap, setpriv, prlimit);
}

function limits(prlimit: string | undefined): string[] {
  return prlimit ? [prlimit, `--cpu=${CPU_SECONDS}`, '--core=0', '--fsize=0', `--nofile=${OPEN_FILES}`, '--'] : [];
}

function namespaces(layer: SandboxLayer, bwrap: string, setpriv: string | undefined, prlimit: string | undefined): Sandbox {
  const asNobody = layer === 'namespaces-as-nobody';
  const description = asNobody
    ? 'bubblewrap: own PID, network, IPC and mount namespaces, user nobody, empty environment'
    : "bubblewrap in a user namespace: own PID, network, IPC and mount namespaces, the grader's user, empty environment";
  return {
    layer,
    description,
    command(args, readable) {
      const node = realpathSync(process.execPath);
      const binds = [...new Set([...readable, node])].filter((p) => !p.startsWith('/usr/')).flatMap((p) => [...parentDirs(p), '--ro-bind', p, p]);
      const env = Object.entries(studentEnv()).flatMap(([k, v]) => ['--setenv', k, v]);
      const drop = asNobody ? ['--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--', setpriv!, ...NOBODY_FLAGS, '--'] : ['--unshare-user', '--'];
      return {
        file: bwrap,
        args: [
          ...['--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try'],
          // Its life is tied to the grader's; a new session keeps it off the grader's terminal.
          ...['--die-with-parent', '--new-session', '--clearenv', ...env],
          ...systemMounts(),
          // The empty /tmp first: binds that live under /tmp (a checkout there) must land on top of it, not under it.
          ...['--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp'],
          ...binds,
          ...['--chdir', '/tmp'],
          ...drop,
          ...limits(prlimit),
          node,
          ...args,
        ],
      };
    },
  };
}

/** setpriv's flags that make the process user nobody, with no supplementary groups. */
const NOBODY_FLAGS = [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];

function asNobody(setpriv: string, prlimit: string | undefined): Sandbox {
  const description = "no namespaces (bubblewrap missing or refused here), user nobody: Node's permission model, empty environment";
  return direct('as-nobody', description, [setpriv, '--pdeathsig=KILL', ...NOBODY_FLAGS, '--'], prlimit);
}

function plain({ setpriv, prlimit }: Tools, why: string[]): Sandbox {
  const reason = why.length ? ` (${why.join('; ')})` : '';
  const description = `no operating-system sandbox${reason}: Node's permission model, the grader's user, empty environment`;
  return direct('permissions-only', description, setpriv ? [setpriv, '--pdeathsig=KILL', '--'] : [], prlimit);
}

/** A process started without namespaces: only a parent-death signal ties its life to the grader's. */
function direct(layer: SandboxLayer, description: string, prefix: string[], prlimit: string | undefined): Sandbox {
  const command = [...prefix, ...limits(prlimit), process.execPath];
  return { layer, description, command: (args) => ({ file: command[0], args: [...command.slice(1), ...args] }) };
}

/** /usr read-only; /lib, /lib64, /bin as the host has them (links into /usr on Debian 12, folders elsewhere). */
function systemMounts(): string[] {
  const out = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/lib', '/lib64', '/bin']) {
    if (!existsSync(dir)) continue;
    const st = lstatSync(dir);
    out.push(...(st.isSymbolicLink() ? ['--symlink', path.relative('/', realpathSync(dir)), dir] : ['--ro-bind', dir, dir]));
  }
  return out;
}

/** bubblewrap makes the folders above a bind mount private (0700): nobody could not pass them. */
function parentDirs(p: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(p); dir !== '/'; dir = path.dirname(dir)) out.unshift('--perms', '0755', '--dir', dir);
  return out;
}

/** Starts node in the layer once, reading tfjs as the student process will; the reason it cannot, or undefined when it works. */
function probe(s: Sandbox): string | undefined {
  const nodeModules = path.join(ROOT, 'node_modules');
  const cmd = s.command(['-e', 'require("fs").accessSync(process.argv[1])', path.join(nodeModules, '@tensorflow', 'tfjs', 'package.json')], [nodeModules]);
  const r = spawnSync(cmd.file, cmd.args, { encoding: 'utf8', timeout: 10_000, env: {} });
  if (r.status === 0) return undefined;
  const lines = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n');
  // Node's own errors start with the source line that threw (`node:fs:244`): the error's message says more.
  return lines.find((l) => /Error\b/.test(l)) ?? lines[0];
}

function findTool(name: string): string | undefined {
  for (const dir of ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin']) {
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return undefined;
}
