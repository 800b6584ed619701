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
 * - `permissions-only` (no bubblewrap, no user namespaces, not Linux): a plain
 *   process as the grader's user.
 * Every layer adds Node's permission model, an empty environment with an
 * allow-list, resource limits and the harness's own defences.
 */
export type SandboxLayer = 'namespaces-as-nobody' | 'namespaces-user' | 'permissions-only';

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
  const order: SandboxLayer[] = ['namespaces-as-nobody', 'namespaces-user', 'permissions-only'];
  const from = Math.max(0, order.indexOf(asked as SandboxLayer));
  const bwrap = findTool('bwrap');
  const setpriv = findTool('setpriv');
  const prlimit = findTool('prlimit');
  const why: string[] = [];
  for (const layer of order.slice(from)) {
    if (layer === 'permissions-only') break;
    if (!bwrap) {
      why.push('bubblewrap is not installed');
      break;
    }
    if (layer === 'namespaces-as-nobody' && (process.getuid?.() !== 0 || !setpriv)) continue;
    const candidate = namespaces(layer, bwrap, setpriv, prlimit);
    const failure = probe(candidate);
    if (!failure) return candidate;
    why.push(`${layer}: ${failure}`);
  }
  return plain(setpriv, prlimit, why);
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
      const drop = asNobody ? ['--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--', setpriv!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'] : ['--unshare-user', '--'];
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

function plain(setpriv: string | undefined, prlimit: string | undefined, why: string[]): Sandbox {
  const reason = why.length ? ` (${why.join('; ')})` : '';
  // Without a PID namespace, only a parent-death signal ties the process's life to the grader's.
  const command = [...(setpriv ? [setpriv, '--pdeathsig=KILL', '--'] : []), ...limits(prlimit), process.execPath];
  return {
    layer: 'permissions-only',
    description: `no operating-system sandbox${reason}: Node's permission model, the grader's user, empty environment`,
    command: (args) => ({ file: command[0], args: [...command.slice(1), ...args] }),
  };
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
  return (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0];
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
