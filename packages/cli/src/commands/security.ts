import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { reservoir, SecurityServiceDefinition } from '@reservoir/contracts';
import { createClient, isReservoirError, ReservoirError, type ClosableClient } from '@reservoir/runtime';
import { parseCount, parseMib, repeatable, type GlobalOptions } from '../command-context.js';
import { clearCredentials, cliCredential, loadCredentials, saveCredentials } from '../credentials.js';
import { resolveSecurityEndpoint } from '../endpoints.js';
import { details, printJson, table } from '../output.js';

type SecurityClient = ClosableClient<typeof SecurityServiceDefinition>;
type Opts = GlobalOptions & { securityEndpoint?: string };
const pb = reservoir.security.v1;

/** The exit code of a document or chain that does not pass, as `ovf verify` uses. */
const INVALID = 2;

// ---------------------------------------------------------------------------------------------
// Connection and input

/** --security-endpoint, RESERVOIR_SECURITY_ENDPOINT, `reservoir up`'s endpoints.json, then the login's. */
function securityEndpoint(g: Opts): string {
  try {
    return resolveSecurityEndpoint(g);
  } catch (e) {
    const stored = loadCredentials();
    if (stored && isReservoirError(e) && e.code === 'UNAVAILABLE') return stored.endpoint;
    throw e;
  }
}

async function withSecurity<T>(
  cmd: Command,
  fn: (c: SecurityClient, g: Opts, endpoint: string) => Promise<T>,
): Promise<T> {
  const g = cmd.optsWithGlobals<Opts>();
  const endpoint = securityEndpoint(g);
  const c = createClient(SecurityServiceDefinition, endpoint);
  try {
    return await fn(c, g, endpoint);
  } finally {
    c.close();
  }
}

function invalid(field: string, message: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
}

/** A 64-bit field as a number: an unset one decodes as protobufjs's Long default. */
function int(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(String(v));
}

/** A table row: absent fields of a response message print empty. */
function cells(...values: unknown[]): string[] {
  return values.map((v) => (v === null || v === undefined ? '' : String(v)));
}

function time(ms: unknown): string {
  const n = int(ms);
  return n > 0 ? new Date(n).toISOString() : '';
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new ReservoirError('CANCELLED', 'cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function stripNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** --password-stdin, then RESERVOIR_PASSWORD, then a prompt on the terminal. */
async function password(o: { passwordStdin?: boolean }, question: string): Promise<string> {
  if (o.passwordStdin) return stripNewline(await readStdin());
  if (process.env.RESERVOIR_PASSWORD) return process.env.RESERVOIR_PASSWORD;
  if (process.stdin.isTTY) return promptHidden(question);
  throw invalid(
    'password',
    'no password: pass --password-stdin, set RESERVOIR_PASSWORD, or run in a terminal',
  );
}

function generatedPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** "user:bob@acme", "service:veem@site-a", "group:ops@acme"; "bob@acme" is a user. */
function principalId(text: string): string {
  if (/^(user|service|group|peer):/.test(text)) return text;
  if (/^[^@:\s]+@[^@:\s]+$/.test(text)) return `user:${text}`;
  throw invalid(
    'subject',
    `"${text}" is not user:<id>@<org>, service:<name>@<site>, group:<id>@<org> or <id>@<org>`,
  );
}

/** "org-admin", "org-admin@acme", "system-admin" (global) → a grant; a bare role applies in `organization`. */
function roleGrant(text: string, organization: string | undefined): { role: string; organization: string } {
  const at = text.lastIndexOf('@');
  if (at > 0) return { role: text.slice(0, at), organization: text.slice(at + 1) };
  if (text === 'system-admin') return { role: text, organization: '*' };
  if (!organization) throw invalid('role', `"${text}": name its organization (${text}@<org>, or --org)`);
  return { role: text, organization };
}

function grants(roles: { role?: string | null; organization?: string | null }[] | null | undefined): string {
  return (roles ?? []).map((g) => `${g.role}@${g.organization}`).join(', ');
}

/** The caller's own organization, when a command names none. */
async function ownOrganization(c: SecurityClient): Promise<string> {
  return (await c.whoAmI({})).organization;
}

/** "bob@acme" → (acme, bob); "bob" → (--org or the caller's organization, bob). */
async function userRef(
  c: SecurityClient,
  text: string,
  org: string | undefined,
): Promise<{ organization: string; id: string }> {
  const plain = text.replace(/^user:/, '');
  const at = plain.lastIndexOf('@');
  if (at > 0) return { id: plain.slice(0, at), organization: plain.slice(at + 1) };
  return { id: plain, organization: org ?? (await ownOrganization(c)) };
}

/** "30d", "12h", "15m", "45s" before now, or an ISO date. */
function instant(field: string, raw: string, direction: -1 | 1): number {
  const d = /^(\d+)\s*(s|m|h|d)$/.exec(raw.trim());
  if (d) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[d[2] as 's' | 'm' | 'h' | 'd'];
    return Date.now() + direction * Number(d[1]) * unit;
  }
  const t = Date.parse(raw);
  if (!Number.isFinite(t))
    throw invalid(field, `"${raw}" is neither a duration (30m, 12h, 7d) nor an ISO date`);
  return t;
}

const QUOTA_NAMES: Record<string, 'vms' | 'vcpus' | 'memoryMib' | 'services'> = {
  vms: 'vms',
  vcpus: 'vcpus',
  cpus: 'vcpus',
  memory: 'memoryMib',
  'memory-mib': 'memoryMib',
  memory_mib: 'memoryMib',
  memoryMib: 'memoryMib',
  services: 'services',
};

/** `--quota vms=10 --quota memory=64G --quota vcpus=unlimited` over the current quotas. */
function quotas(
  list: string[] | undefined,
  current: reservoir.security.v1.IQuotas = {},
): reservoir.security.v1.IQuotas {
  const out: Record<string, number> = {};
  for (const k of ['vms', 'vcpus', 'memoryMib', 'services'] as const) {
    const v = current[k];
    if (v !== null && v !== undefined) out[k] = int(v);
  }
  for (const item of list ?? []) {
    const i = item.indexOf('=');
    const key = QUOTA_NAMES[i > 0 ? item.slice(0, i) : ''];
    if (!key) throw invalid('--quota', `"${item}" must be vms|vcpus|memory|services=<n or unlimited>`);
    const value = item.slice(i + 1).trim();
    if (value === 'unlimited' || value === 'none') delete out[key];
    else
      out[key] =
        key === 'memoryMib' ? parseMib('--quota memory', value) : parseCount(`--quota ${key}`, value);
  }
  return out;
}

function quotaText(
  q: reservoir.security.v1.IQuotas | null | undefined,
  key: 'vms' | 'vcpus' | 'memoryMib' | 'services',
): string {
  const v = q?.[key];
  return v === null || v === undefined ? 'unlimited' : String(int(v));
}

function plainObject(message: object, type: { toObject(m: never, o: object): Record<string, unknown> }) {
  return type.toObject(message as never, { defaults: true, longs: Number, arrays: true, objects: true });
}

// ---------------------------------------------------------------------------------------------
// Printing

function printOrganization(o: reservoir.security.v1.IOrganization, json: boolean): void {
  if (json) return printJson(plainObject(o, pb.Organization));
  process.stdout.write(
    `${details([
      ['organization', o.id],
      ['name', o.name],
      ['state', o.state],
      ['signed OVF required', o.requireSignedOvf ? 'yes' : 'no'],
      ['quota: VMs', quotaText(o.quotas, 'vms')],
      ['quota: vCPUs', quotaText(o.quotas, 'vcpus')],
      ['quota: memory MiB', quotaText(o.quotas, 'memoryMib')],
      ['quota: services', quotaText(o.quotas, 'services')],
      ['created', time(o.createdAtMs)],
      ['updated', time(o.updatedAtMs)],
    ])}\n`,
  );
}

function printUser(u: reservoir.security.v1.IUser, json: boolean): void {
  if (json) return printJson(plainObject(u, pb.User));
  process.stdout.write(
    `${details([
      ['user', `${u.id}@${u.organization}`],
      ['name', u.name],
      ['state', u.state],
      ['roles', grants(u.roles)],
      ['must change password', u.mustChangePassword ? 'yes' : 'no'],
      ['created', time(u.createdAtMs)],
      ['updated', time(u.updatedAtMs)],
    ])}\n`,
  );
}

function printProblems(file: string, problems: { path?: string | null; message?: string | null }[]): void {
  for (const p of problems) process.stderr.write(`${file}: ${p.path ? `${p.path}: ` : ''}${p.message}\n`);
}

function readDocument(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw invalid('FILE', `cannot read ${file}: ${(e as Error).message}`);
  }
}

/** `--subject roles=org-admin --subject roles=viewer --subject interactive=true`: repeated keys make a list. */
type Attribute = reservoir.security.v1.IAttributeValue;

function scalarAttribute(raw: string): Attribute {
  if (raw === 'true' || raw === 'false') return { flag: raw === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(raw)) return { number: Number(raw) };
  return { text: raw };
}

function listValues(a: Attribute | undefined): string[] {
  if (!a) return [];
  if (a.list) return [...(a.list.values ?? [])];
  if (typeof a.text === 'string') return [a.text];
  return [String(a.flag ?? a.number)];
}

/**
 * `--subject organization=acme --subject roles=[org-admin,viewer] --subject interactive=true`:
 * [a,b] is a list and a repeated name adds to it; true/false and numbers keep their type.
 */
function attributes(list: string[] | undefined, field: string): Record<string, Attribute> {
  const out: Record<string, Attribute> = {};
  for (const item of list ?? []) {
    const i = item.indexOf('=');
    if (i <= 0) throw invalid(field, `"${item}" must be name=value`);
    const name = item.slice(0, i);
    const raw = item.slice(i + 1);
    const listed = /^\[(.*)\]$/.exec(raw);
    const prev = out[name];
    if (listed) {
      const values = listed[1]!
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      out[name] = { list: { values: [...listValues(prev), ...values] } };
    } else if (prev) out[name] = { list: { values: [...listValues(prev), raw] } };
    else out[name] = scalarAttribute(raw);
  }
  return out;
}

interface TraceLine {
  kind: string;
  path: string;
  depth: number;
  target: string;
  condition?: string;
  decision: string;
  reason?: string;
}

function traceText(json: string): string {
  const trace = JSON.parse(json || '[]') as TraceLine[];
  return trace
    .map(
      (t) =>
        `${'  '.repeat(t.depth)}${t.kind} ${t.path.split('/').at(-1)}: ${t.decision} (target ${t.target}${
          t.condition ? `, condition ${t.condition}` : ''
        })${t.reason ? ` — ${t.reason}` : ''}`,
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Commands

/** login, logout, whoami, passwd, org, user, role, apikey, policy-auth, audit, peer: the security service. */
export function registerSecurityCommands(program: Command): void {
  program.option(
    '--security-endpoint <host:port>',
    'security service (default: RESERVOIR_SECURITY_ENDPOINT, the one under "reservoir up", or the last login\'s)',
  );

  program
    .command('login')
    .description('log in with a password; the token is kept for later commands')
    .option('--org <organization>', 'organization (default: RESERVOIR_ORG, or system)')
    .option('--user <user>', 'user (default: RESERVOIR_USER, or admin)')
    .option('--password-stdin', 'read the password from standard input (else RESERVOIR_PASSWORD or a prompt)')
    .action(async (o: { org?: string; user?: string; passwordStdin?: boolean }, cmd: Command) =>
      withSecurity(cmd, async (c, g, endpoint) => {
        const organization = o.org ?? process.env.RESERVOIR_ORG ?? 'system';
        const user = o.user ?? process.env.RESERVOIR_USER ?? 'admin';
        const secret = await password(o, `Password for ${user}@${organization}: `);
        const r = await c.login({ organization, user, password: secret });
        const p = r.principal;
        const principal = {
          id: p?.id ?? '',
          kind: p?.kind ?? '',
          organization: p?.organization ?? '',
          roles: (p?.roles ?? []).map((x) => ({ role: x.role ?? '', organization: x.organization ?? '' })),
        };
        const expiresAt = int(r.expiresAtMs);
        const file = saveCredentials({ endpoint, token: r.token, expiresAt, principal });
        if (g.json) printJson({ principal, expiresAt, mustChangePassword: r.mustChangePassword, file });
        else
          process.stdout.write(
            `logged in as ${principal.id} (${grants(principal.roles) || 'no roles'}) at ${endpoint}\n` +
              `the token expires at ${time(expiresAt)}; saved in ${file}\n`,
          );
        if (r.mustChangePassword)
          process.stderr.write(
            'warning: this password is temporary: choose another with "reservoir passwd"\n',
          );
      }),
    );

  program
    .command('logout')
    .description('revoke the stored token and forget it')
    .action(async (_o, cmd: Command) => {
      const stored = loadCredentials();
      if (!stored) {
        process.stdout.write('not logged in\n');
        return;
      }
      const g = cmd.optsWithGlobals<Opts>();
      const endpoint = g.securityEndpoint ?? process.env.RESERVOIR_SECURITY_ENDPOINT ?? stored.endpoint;
      const c = createClient(SecurityServiceDefinition, endpoint);
      try {
        await c.logout({}, { metadata: { authorization: `Bearer ${stored.token}` } });
      } catch (e) {
        // An expired or revoked token is as good as logged out; the file goes either way.
        if (!isReservoirError(e) || e.code !== 'UNAUTHENTICATED')
          process.stderr.write(`warning: the token was not revoked (${(e as Error).message})\n`);
      } finally {
        c.close();
        clearCredentials();
      }
      process.stdout.write(`logged out ${stored.principal.id}\n`);
    });

  program
    .command('whoami')
    .description('who the CLI acts as')
    .action(async (_o, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const p = await c.whoAmI({});
        if (g.json) return printJson(plainObject(p, pb.Principal));
        const origin = cliCredential()?.origin;
        process.stdout.write(
          `${details([
            ['principal', p.id],
            ['kind', p.kind],
            ['organization', p.organization],
            ['roles', grants(p.roles)],
            ['credential', `${p.credentialType}${origin && origin !== 'login' ? ` (${origin})` : ''}`],
            ['expires', time(p.credentialExpiresAtMs) || 'never'],
          ])}\n`,
        );
      }),
    );

  program
    .command('passwd')
    .description('change your password')
    .option('--password-stdin', 'read the current and the new password, one per line, from standard input')
    .action(async (o: { passwordStdin?: boolean }, cmd: Command) =>
      withSecurity(cmd, async (c) => {
        let current: string;
        let next: string;
        if (o.passwordStdin) {
          const lines = (await readStdin()).split(/\r?\n/);
          [current, next] = [lines[0] ?? '', lines[1] ?? ''];
        } else if (process.stdin.isTTY) {
          current = await promptHidden('Current password: ');
          next = await promptHidden('New password: ');
          if ((await promptHidden('New password again: ')) !== next)
            throw invalid('password', 'the two new passwords differ');
        } else
          throw invalid(
            'password',
            'pass --password-stdin (current and new password, one per line) or run in a terminal',
          );
        await c.changePassword({ currentPassword: current, newPassword: next });
        process.stdout.write('password changed\n');
      }),
    );

  registerOrganizationCommands(program);
  registerUserCommands(program);
  registerApiKeyCommands(program);
  registerPolicyAuthCommands(program);
  registerAuditCommands(program);
  registerPeerCommands(program);
}

function registerOrganizationCommands(program: Command): void {
  const org = program.command('org').description('organizations (tenants): their state and quotas');
  const quotaOption = [
    '--quota <name=value>',
    'vms, vcpus, memory (e.g. 64G) or services = a limit or "unlimited" (repeatable)',
    repeatable,
  ] as const;

  org
    .command('create <id>')
    .option('--name <name>', 'display name (default: the id)')
    .option('--require-signed-ovf', 'refuse OVF packages without a valid signature')
    .option(...quotaOption)
    .action(
      async (id: string, o: { name?: string; requireSignedOvf?: boolean; quota?: string[] }, cmd: Command) =>
        withSecurity(cmd, async (c, g) =>
          printOrganization(
            await c.createOrganization({
              id,
              name: o.name ?? '',
              requireSignedOvf: !!o.requireSignedOvf,
              quotas: quotas(o.quota),
            }),
            !!g.json,
          ),
        ),
    );

  org.command('list').action(async (_o, cmd: Command) =>
    withSecurity(cmd, async (c, g) => {
      const r = await c.listOrganizations({});
      if (g.json) return printJson(plainObject(r, pb.ListOrganizationsResponse));
      process.stdout.write(
        `${table(
          ['ORGANIZATION', 'NAME', 'STATE', 'SIGNED OVF', 'VMS', 'VCPUS', 'MEMORY MIB', 'SERVICES'],
          r.organizations.map((o) =>
            cells(
              o.id,
              o.name,
              o.state,
              o.requireSignedOvf ? 'required' : '',
              quotaText(o.quotas, 'vms'),
              quotaText(o.quotas, 'vcpus'),
              quotaText(o.quotas, 'memoryMib'),
              quotaText(o.quotas, 'services'),
            ),
          ),
        )}\n`,
      );
    }),
  );

  org
    .command('show <id>')
    .action(async (id: string, _o, cmd: Command) =>
      withSecurity(cmd, async (c, g) => printOrganization(await c.getOrganization({ id }), !!g.json)),
    );

  org
    .command('update <id>')
    .option('--name <name>', 'display name')
    .option('--state <state>', 'enabled or disabled')
    .option('--require-signed-ovf <yes|no>', 'refuse OVF packages without a valid signature')
    .option(...quotaOption)
    .action(
      async (
        id: string,
        o: { name?: string; state?: string; requireSignedOvf?: string; quota?: string[] },
        cmd: Command,
      ) =>
        withSecurity(cmd, async (c, g) => {
          const req: reservoir.security.v1.IUpdateOrganizationRequest = { id };
          if (o.name !== undefined) req.name = o.name;
          if (o.state !== undefined) req.state = o.state;
          if (o.requireSignedOvf !== undefined) {
            const v = o.requireSignedOvf.toLowerCase();
            if (!['yes', 'no', 'true', 'false'].includes(v))
              throw invalid('--require-signed-ovf', 'must be yes or no');
            req.requireSignedOvf = v === 'yes' || v === 'true';
          }
          // Quotas are replaced as a whole: the ones not named keep their current value.
          if (o.quota) req.quotas = quotas(o.quota, (await c.getOrganization({ id })).quotas ?? {});
          if (Object.keys(req).length === 1)
            throw invalid(
              'update',
              'nothing to change: pass --name, --state, --require-signed-ovf or --quota',
            );
          printOrganization(await c.updateOrganization(req), !!g.json);
        }),
    );
}

function registerUserCommands(program: Command): void {
  const user = program.command('user').description("an organization's users");
  const orgOption = ['--org <organization>', "the user's organization (default: yours)"] as const;

  user
    .command('create <user>')
    .description('create a user (USER or USER@ORG)')
    .option(...orgOption)
    .option('--name <name>', 'display name')
    .option('--role <role>', 'a role, e.g. viewer or org-admin@acme (repeatable)', repeatable)
    .option('--password-stdin', 'read the initial password from standard input')
    .option('--generate-password', 'generate an initial password and print it once')
    .option('--must-change', 'the user must choose another password after logging in')
    .action(
      async (
        text: string,
        o: {
          org?: string;
          name?: string;
          role?: string[];
          passwordStdin?: boolean;
          generatePassword?: boolean;
          mustChange?: boolean;
        },
        cmd: Command,
      ) =>
        withSecurity(cmd, async (c, g) => {
          const ref = await userRef(c, text, o.org);
          const generated = o.generatePassword ? generatedPassword() : undefined;
          const initial = generated ?? (o.passwordStdin ? stripNewline(await readStdin()) : '');
          const u = await c.createUser({
            organization: ref.organization,
            id: ref.id,
            name: o.name ?? '',
            roles: (o.role ?? []).map((r) => roleGrant(r, ref.organization)),
            password: initial,
            mustChangePassword: !!o.mustChange || generated !== undefined,
          });
          printUser(u, !!g.json);
          if (generated) process.stdout.write(`initial password (shown once): ${generated}\n`);
        }),
    );

  user
    .command('list')
    .option(...orgOption)
    .action(async (o: { org?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const r = await c.listUsers({ organization: o.org ?? '' });
        if (g.json) return printJson(plainObject(r, pb.ListUsersResponse));
        process.stdout.write(
          `${table(
            ['USER', 'ORGANIZATION', 'NAME', 'STATE', 'ROLES'],
            r.users.map((u) => cells(u.id, u.organization, u.name, u.state, grants(u.roles))),
          )}\n`,
        );
      }),
    );

  user
    .command('show <user>')
    .option(...orgOption)
    .action(async (text: string, o: { org?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => printUser(await c.getUser(await userRef(c, text, o.org)), !!g.json)),
    );

  for (const [name, state] of [
    ['disable', 'disabled'],
    ['enable', 'enabled'],
  ] as const) {
    user
      .command(`${name} <user>`)
      .description(
        name === 'disable' ? 'refuse every credential of the user at once' : 'let the user in again',
      )
      .option(...orgOption)
      .action(async (text: string, o: { org?: string }, cmd: Command) =>
        withSecurity(cmd, async (c, g) =>
          printUser(await c.updateUser({ ...(await userRef(c, text, o.org)), state }), !!g.json),
        ),
      );
  }

  user
    .command('reset-password <user>')
    .description("set a user's password (generated and printed once unless given on standard input)")
    .option(...orgOption)
    .option('--password-stdin', 'read the new password from standard input')
    .option('--no-must-change', 'do not ask the user to choose another password')
    .action(
      async (text: string, o: { org?: string; passwordStdin?: boolean; mustChange: boolean }, cmd: Command) =>
        withSecurity(cmd, async (c, g) => {
          const ref = await userRef(c, text, o.org);
          const r = await c.setPassword({
            ...ref,
            password: o.passwordStdin ? stripNewline(await readStdin()) : '',
            mustChangePassword: o.mustChange,
          });
          if (g.json)
            return printJson({ user: `${ref.id}@${ref.organization}`, password: r.password || undefined });
          process.stdout.write(
            r.password
              ? `new password for ${ref.id}@${ref.organization} (shown once): ${r.password}\n`
              : `password of ${ref.id}@${ref.organization} set\n`,
          );
        }),
    );

  const role = program.command('role').description('roles of users, groups and service principals');
  for (const how of ['grant', 'revoke'] as const) {
    role
      .command(`${how} <subject> <role>`)
      .description(
        `${how} a role: SUBJECT is user:<id>@<org> (or <id>@<org>), service:<name>@<site> or group:<id>@<org>; ROLE is <role> or <role>@<org>`,
      )
      .option('--org <organization>', "the organization the role applies in (default: the subject's)")
      .action(async (subject: string, text: string, o: { org?: string }, cmd: Command) =>
        withSecurity(cmd, async (c, g) => {
          const at = text.lastIndexOf('@');
          const req = {
            subject: principalId(subject),
            role: at > 0 ? text.slice(0, at) : text,
            organization: at > 0 ? text.slice(at + 1) : (o.org ?? ''),
          };
          const r = how === 'grant' ? await c.grantRole(req) : await c.revokeRole(req);
          if (g.json) return printJson(plainObject(r, pb.RoleResponse));
          process.stdout.write(`${req.subject}: ${grants(r.roles) || 'no roles'}\n`);
        }),
      );
  }
}

function registerApiKeyCommands(program: Command): void {
  const apikey = program.command('apikey').description('API keys: credentials for scripts and services');

  apikey
    .command('create')
    .option('--owner <principal>', 'user:<id>@<org> or service:<name>@<site> (default: you)')
    .option('--name <name>', 'what the key is for')
    .option(
      '--role <role>',
      "restrict the key to this of the owner's roles, e.g. viewer@acme (repeatable)",
      repeatable,
    )
    .option('--expires <when>', 'a duration from now (30d, 12h) or an ISO date; default: never')
    .action(async (o: { owner?: string; name?: string; role?: string[]; expires?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const owner = o.owner ? principalId(o.owner) : '';
        const ownerOrg = /^user:[^@]+@(.+)$/.exec(owner)?.[1];
        const r = await c.createApiKey({
          owner,
          name: o.name ?? '',
          roles: (o.role ?? []).map((x) => roleGrant(x, ownerOrg)),
          expiresAtMs: o.expires ? instant('--expires', o.expires, 1) : 0,
        });
        if (g.json) return printJson(plainObject(r, pb.CreateApiKeyResponse));
        const k = r.apiKey;
        process.stdout.write(
          `API key ${k?.id} of ${k?.owner}${k?.roles?.length ? ` (${grants(k.roles)})` : ''}, ${
            int(k?.expiresAtMs) ? `expires ${time(k?.expiresAtMs)}` : 'never expires'
          }\n${r.secret}\nThe key is shown once: keep it now (use it as RESERVOIR_API_KEY).\n`,
        );
      }),
    );

  apikey
    .command('list')
    .option('--org <organization>', "organization (default: the owner's, or yours)")
    .option('--owner <principal>', 'keys of this user or service only')
    .action(async (o: { org?: string; owner?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const r = await c.listApiKeys({
          organization: o.org ?? '',
          owner: o.owner ? principalId(o.owner) : '',
        });
        if (g.json) return printJson(plainObject(r, pb.ListApiKeysResponse));
        process.stdout.write(
          `${table(
            ['KEY', 'OWNER', 'NAME', 'ROLES', 'CREATED', 'EXPIRES', 'LAST USED', 'STATE'],
            r.apiKeys.map((k) =>
              cells(
                k.id,
                k.owner,
                k.name,
                grants(k.roles) || "owner's",
                time(k.createdAtMs),
                time(k.expiresAtMs) || 'never',
                time(k.lastUsedAtMs),
                int(k.revokedAtMs)
                  ? 'revoked'
                  : int(k.expiresAtMs) && int(k.expiresAtMs) <= Date.now()
                    ? 'expired'
                    : 'active',
              ),
            ),
          )}\n`,
        );
      }),
    );

  apikey.command('revoke <id>').action(async (id: string, _o, cmd: Command) =>
    withSecurity(cmd, async (c) => {
      await c.revokeApiKey({ id });
      process.stdout.write(`API key ${id} revoked\n`);
    }),
  );
}

function registerPolicyAuthCommands(program: Command): void {
  const policy = program
    .command('policy-auth')
    .description("the site's access policy (who may do what), as the security service keeps it");

  policy
    .command('show')
    .description('the policy version in force')
    .option('--document', 'print the document only (to edit it and apply it again)')
    .action(async (o: { document?: boolean }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const p = await c.getPolicy({});
        if (o.document)
          return void process.stdout.write(p.document.endsWith('\n') ? p.document : `${p.document}\n`);
        if (g.json) return printJson(plainObject(p, pb.PolicyVersion));
        process.stdout.write(
          `${details([
            ['version', int(p.version)],
            ['digest', `sha256:${p.digest}`],
            ['applied by', p.appliedBy],
            ['applied at', time(p.appliedAtMs)],
            ['size', `${p.document.split('\n').length} lines`],
          ])}\n`,
        );
      }),
    );

  policy
    .command('check <file>')
    .description('validate a policy document (YAML or JSON) without applying it')
    .action(async (file: string, _o, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const r = await c.checkPolicy({ document: readDocument(file) });
        if (g.json) printJson(plainObject(r, pb.CheckPolicyResponse));
        if (!r.ok) {
          printProblems(file, r.problems);
          process.exitCode = INVALID;
          return;
        }
        if (!g.json)
          process.stdout.write(
            `${file}: valid: policy set "${r.policyId}" with ${r.policySets} policy sets, ${r.policies} policies, ${r.rules} rules\n`,
          );
      }),
    );

  policy
    .command('apply <file>')
    .description('validate a policy document and make it the version in force')
    .option('--expect-version <n>', 'fail unless this is still the version in force')
    .action(async (file: string, o: { expectVersion?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const document = readDocument(file);
        const check = await c.checkPolicy({ document });
        if (!check.ok) {
          printProblems(file, check.problems);
          process.exitCode = INVALID;
          return;
        }
        const p = await c.applyPolicy({
          document,
          ...(o.expectVersion !== undefined
            ? { expectVersion: parseCount('--expect-version', o.expectVersion) }
            : {}),
        });
        if (g.json)
          return printJson({
            version: int(p.version),
            digest: p.digest,
            appliedBy: p.appliedBy,
            appliedAtMs: int(p.appliedAtMs),
          });
        process.stdout.write(
          `applied ${file} as version ${int(p.version)} (sha256:${p.digest}); every service decides under it within seconds\n`,
        );
      }),
    );

  policy
    .command('explain')
    .description('how the policy in force decides a request, rule by rule')
    .option(
      '--subject <name=value>',
      'e.g. id=user:bob@acme, organization=acme, roles=[viewer] (repeatable)',
      repeatable,
    )
    .option('--resource <name=value>', 'e.g. type=vm, organization=acme (repeatable)', repeatable)
    .option('--action <id>', 'e.g. vm.create')
    .option('--environment <name=value>', 'environment attributes (repeatable)', repeatable)
    .option('--request <file>', 'a DecisionRequest as JSON ("-" for standard input); the options add to it')
    .action(
      async (
        o: {
          subject?: string[];
          resource?: string[];
          action?: string;
          environment?: string[];
          request?: string;
        },
        cmd: Command,
      ) =>
        withSecurity(cmd, async (c, g) => {
          const requestJson = o.request
            ? o.request === '-'
              ? await readStdin()
              : readDocument(o.request)
            : '';
          if (!requestJson && !o.action) throw invalid('--action', 'name the action (or pass --request)');
          const r = await c.explainDecision({
            subject: attributes(o.subject, '--subject'),
            resource: attributes(o.resource, '--resource'),
            action: o.action ? { id: { text: o.action } } : {},
            environment: attributes(o.environment, '--environment'),
            requestJson,
          });
          if (g.json)
            return printJson({
              ...plainObject(r, pb.ExplainDecisionResponse),
              obligations: r.obligations.map((d) => ({
                id: d.id,
                attributes: JSON.parse(d.attributesJson || '{}'),
              })),
              advice: r.advice.map((d) => ({ id: d.id, attributes: JSON.parse(d.attributesJson || '{}') })),
              trace: JSON.parse(r.traceJson || '[]'),
              traceJson: undefined,
            });
          const directives = (list: reservoir.security.v1.IDirective[]) =>
            list.map((d) => `${d.id} ${d.attributesJson}`).join('\n') || 'none';
          process.stdout.write(
            `${details([
              ['decision', r.decision],
              ['decided by', r.decidedBy.join('/') || 'no rule'],
              ['status', r.statusMessage ? `${r.status}: ${r.statusMessage}` : r.status],
              ['obligations', directives(r.obligations)],
              ['advice', directives(r.advice)],
              ['policy', `${r.policyId} (version ${int(r.version)})`],
            ])}\n${traceText(r.traceJson)}\n`,
          );
        }),
    );
}

function registerAuditCommands(program: Command): void {
  const audit = program
    .command('audit')
    .description('the audit log: who did what, what was decided and how it ended')
    .option('--org <organization>', 'entries of this organization (non-admins: always their own)')
    .option('--principal <id>', 'entries of this principal, e.g. user:bob@acme')
    .option('--action <action>', 'e.g. vm.create, login')
    .option('--decision <decision>', 'Permit, Deny, NotApplicable or Indeterminate')
    .option('--since <when>', 'a duration before now (15m, 24h, 7d) or an ISO date')
    .option('--until <when>', 'a duration before now or an ISO date')
    .option('--after <seq>', 'entries after this one (a page cursor)')
    .option('--order <order>', 'asc (oldest first) or desc', 'asc')
    .option('--limit <n>', 'at most this many entries', '100')
    .action(
      async (
        o: {
          org?: string;
          principal?: string;
          action?: string;
          decision?: string;
          since?: string;
          until?: string;
          after?: string;
          order: string;
          limit: string;
        },
        cmd: Command,
      ) =>
        withSecurity(cmd, async (c, g) => {
          const r = await c.queryAudit({
            organization: o.org ?? '',
            principal: o.principal ? principalId(o.principal) : '',
            action: o.action ?? '',
            decision: o.decision ?? '',
            fromMs: o.since ? instant('--since', o.since, -1) : 0,
            toMs: o.until ? instant('--until', o.until, -1) : 0,
            afterSeq: o.after ? parseCount('--after', o.after) : 0,
            order: o.order,
            limit: parseCount('--limit', o.limit),
          });
          if (g.json)
            return printJson(
              r.entries.map((e) => ({
                ...plainObject(e, pb.AuditEntry),
                obligations: JSON.parse(e.obligationsJson || '[]'),
                detail: e.detailJson ? JSON.parse(e.detailJson) : null,
                obligationsJson: undefined,
                detailJson: undefined,
              })),
            );
          process.stdout.write(
            `${table(
              ['SEQ', 'TIME', 'PRINCIPAL', 'ORGANIZATION', 'ACTION', 'RESOURCE', 'DECISION', 'OUTCOME'],
              r.entries.map((e) =>
                cells(
                  int(e.seq),
                  time(e.atMs),
                  e.principal,
                  e.organization,
                  e.action,
                  e.resource ? `${e.resource.type} ${e.resource.id}` : '',
                  e.decision,
                  e.outcome === 'error' ? `error ${e.outcomeCode}` : e.outcome,
                ),
              ),
            )}\n`,
          );
          if (int(r.nextAfterSeq)) process.stderr.write(`more entries: --after ${int(r.nextAfterSeq)}\n`);
        }),
    );

  audit
    .command('verify')
    .description('recompute the hash chain and report the first entry edited or missing')
    .option('--from <seq>', 'first entry (default: 1)')
    .option('--to <seq>', 'last entry (default: the newest)')
    .action(async (o: { from?: string; to?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const r = await c.verifyAudit({
          from: o.from ? parseCount('--from', o.from) : 0,
          to: o.to ? parseCount('--to', o.to) : 0,
        });
        if (g.json) printJson(plainObject(r, pb.VerifyAuditResponse));
        else if (r.ok)
          process.stdout.write(
            `audit chain intact: entries ${int(r.from)}..${int(r.to)} (${int(r.checked)} checked), head #${int(r.headSeq)} ${r.headHash}\n`,
          );
        else
          process.stdout.write(
            `audit chain BROKEN at entry #${int(r.firstBroken)} (${r.reason}): ${int(r.checked)} entries intact before it\n`,
          );
        if (!r.ok) process.exitCode = INVALID;
      }),
    );
}

/** A short SHA-256 of the key's SPKI, to compare with the partner's out of band. */
function keyFingerprint(pem: string | null | undefined): string {
  if (!pem) return '';
  try {
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return `sha256:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
  } catch {
    return 'unreadable';
  }
}

function printPeer(p: reservoir.security.v1.IFederationPeer, json: boolean): void {
  if (json) return printJson(plainObject(p, pb.FederationPeer));
  process.stdout.write(
    `${details([
      ['site', p.site],
      ['organization', p.organization],
      ['state', p.state],
      ['key', keyFingerprint(p.publicKeyPem)],
      ['created', time(p.createdAtMs)],
      ['updated', time(p.updatedAtMs)],
    ])}\n`,
  );
}

/** The newest of the signing keys a partner's security service publishes (ListSigningKeys is public). */
async function partnerSigningKey(endpoint: string): Promise<string> {
  const c = createClient(SecurityServiceDefinition, endpoint);
  try {
    // An empty credential: this CLI's own login is for this platform, not for the partner.
    const { keys } = await c.listSigningKeys({}, { metadata: { authorization: '' } });
    const newest = [...keys].sort((x, y) => int(y.createdAtMs) - int(x.createdAtMs))[0];
    if (!newest?.publicKeyPem) throw invalid('--from', `${endpoint} publishes no signing key`);
    return newest.publicKeyPem;
  } finally {
    c.close();
  }
}

function registerPeerCommands(program: Command): void {
  const peer = program
    .command('peer')
    .description(
      'federation peers: partner platforms whose own signed tokens are accepted for federation calls',
    );

  peer
    .command('register <site>')
    .description("accept the partner's peer tokens, verified with its public signing key")
    .option('--key <file>', "the partner's Ed25519 public key (SPKI PEM)")
    .option('--from <host:port>', "fetch the partner's newest signing key from its security service")
    .option('--org <organization>', 'the organization the partner acts in here (default: system)')
    .action(async (site: string, o: { key?: string; from?: string; org?: string }, cmd: Command) => {
      if (!!o.key === !!o.from) throw invalid('key', 'pass exactly one of --key FILE or --from ENDPOINT');
      const publicKeyPem = o.key ? readDocument(o.key) : await partnerSigningKey(o.from!);
      await withSecurity(cmd, async (c, g) =>
        printPeer(await c.registerPeer({ site, organization: o.org ?? '', publicKeyPem }), !!g.json),
      );
    });

  peer
    .command('list')
    .option('--org <organization>', 'peers acting in this organization only')
    .action(async (o: { org?: string }, cmd: Command) =>
      withSecurity(cmd, async (c, g) => {
        const r = await c.listPeers({ organization: o.org ?? '' });
        if (g.json) return printJson(plainObject(r, pb.ListPeersResponse));
        process.stdout.write(
          `${table(
            ['SITE', 'ORGANIZATION', 'STATE', 'KEY', 'CREATED', 'UPDATED'],
            r.peers.map((p) =>
              cells(
                p.site,
                p.organization,
                p.state,
                keyFingerprint(p.publicKeyPem),
                time(p.createdAtMs),
                time(p.updatedAtMs),
              ),
            ),
          )}\n`,
        );
      }),
    );

  for (const [name, state] of [
    ['disable', 'disabled'],
    ['enable', 'enabled'],
  ] as const)
    peer
      .command(`${name} <site>`)
      .description(`${name} a federation peer`)
      .action(async (site: string, _o, cmd: Command) =>
        withSecurity(cmd, async (c, g) => {
          const p = await c.updatePeer({ site, state });
          if (g.json) return printPeer(p, true);
          process.stdout.write(`peer ${p.site} ${p.state}\n`);
        }),
      );
}
