// The CLI's login: the token `reservoir login` obtained, kept in the user's config directory
// (readable by the user only), and the credential every gRPC call of a CLI process presents.

import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setDefaultCredential } from '@reservoir/runtime';

export interface StoredPrincipal {
  id: string;
  kind: string;
  organization: string;
  roles: { role: string; organization: string }[];
}

/** What `reservoir login` stores. */
export interface StoredCredentials {
  /** The security service that issued the token. */
  endpoint: string;
  /** "v1.…", presented as "Bearer <token>". */
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  principal: StoredPrincipal;
}

/** RESERVOIR_CONFIG_DIR, else $XDG_CONFIG_HOME/reservoir, else ~/.config/reservoir. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RESERVOIR_CONFIG_DIR) return env.RESERVOIR_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'reservoir');
}

export function credentialsFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'credentials.json');
}

function isStored(v: unknown): v is StoredCredentials {
  const c = v as Partial<StoredCredentials> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.endpoint === 'string' &&
    typeof c.token === 'string' &&
    typeof c.expiresAt === 'number' &&
    typeof c.principal === 'object' &&
    c.principal !== null &&
    typeof c.principal.id === 'string'
  );
}

/** The stored login, or undefined when there is none or the file is unreadable. */
export function loadCredentials(env: NodeJS.ProcessEnv = process.env): StoredCredentials | undefined {
  const file = credentialsFile(env);
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isStored(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the login with mode 0600 (the directory 0700), through a temporary file renamed into
 * place, so the token is never readable by others nor left half-written. Returns the file.
 */
export function saveCredentials(c: StoredCredentials, env: NodeJS.ProcessEnv = process.env): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = credentialsFile(env);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
    // The mode given to writeFileSync applies only to a file it creates.
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return file;
}

/** Removes the stored login; false when there was none. */
export function clearCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = credentialsFile(env);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}

/** Where the credential a CLI process presents comes from. */
export type CredentialOrigin = 'RESERVOIR_TOKEN' | 'RESERVOIR_API_KEY' | 'login';

/**
 * The credential to present, in order: RESERVOIR_TOKEN (a token, as Bearer), RESERVOIR_API_KEY
 * (as ApiKey), then the stored login unless it has expired.
 */
export function cliCredential(
  env: NodeJS.ProcessEnv = process.env,
  now: number = Date.now(),
): { authorization: string; origin: CredentialOrigin } | undefined {
  const token = env.RESERVOIR_TOKEN?.trim();
  if (token)
    return { authorization: `Bearer ${token.replace(/^bearer\s+/i, '')}`, origin: 'RESERVOIR_TOKEN' };
  const key = env.RESERVOIR_API_KEY?.trim();
  if (key) return { authorization: `ApiKey ${key.replace(/^apikey\s+/i, '')}`, origin: 'RESERVOIR_API_KEY' };
  const stored = loadCredentials(env);
  if (stored && stored.expiresAt > now) return { authorization: `Bearer ${stored.token}`, origin: 'login' };
  return undefined;
}

/**
 * Called once when the CLI starts: every client of the process then presents the credential.
 * It is looked up on the first call, so commands that make none never read the file.
 */
export function useCliCredential(env: NodeJS.ProcessEnv = process.env): void {
  let found: { value: string | undefined } | undefined;
  setDefaultCredential(() => {
    found ??= { value: cliCredential(env)?.authorization };
    return found.value;
  });
}
