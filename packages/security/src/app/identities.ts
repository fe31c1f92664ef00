// Identities (VCD-1, SEC-1, SEC-4): organizations, users, groups, service principals, federation
// peers and API keys, logins that yield signed tokens, and authenticate(), which turns whatever
// credential a call carries into one Principal for the enforcement points.

import { createHash, timingSafeEqual, type KeyObject } from 'node:crypto';
import { errors, isReservoirError, newId } from '@reservoir/runtime';
import {
  DEFAULT_LOCKOUT,
  DEFAULT_PASSWORD_POLICY,
  DEFAULT_SCRYPT_COST,
  GLOBAL,
  LoginLockedError,
  NAME,
  SITE,
  SecretText,
  checkGrant,
  checkGrants,
  checkGroup,
  checkMember,
  checkName,
  checkOrganization,
  checkPassword,
  checkPeer,
  checkQuotas,
  checkServicePrincipal,
  checkState,
  checkUser,
  decodeToken,
  effectiveGrants,
  formatApiKey,
  formatGrant,
  generateSigningKey,
  hasGrant,
  hashSecret,
  lockedFor,
  loginSubject,
  looksLikeApiKey,
  needsRehash,
  newApiKeySecret,
  newJti,
  parseApiKey,
  parseSubject,
  peerPrincipalId,
  privateKeyOf,
  publicKeyOf,
  randomSecret,
  restrictGrants,
  signToken,
  unauthenticated,
  userPrincipalId,
  verifySecret,
  verifySignature,
  checkLifetime,
  type ApiKey,
  type DecodedToken,
  type EntityState,
  type FederationPeer,
  type Group,
  type GroupInput,
  type LockoutPolicy,
  type Organization,
  type OrganizationInput,
  type PasswordPolicy,
  type PeerInput,
  type Principal,
  type PrincipalKind,
  type Quotas,
  type RoleGrant,
  type ScryptCost,
  type ServicePrincipal,
  type ServicePrincipalInput,
  type SigningKey,
  type StoredUser,
  type SubjectRef,
  type TokenClaims,
  type User,
  type UserInput,
} from '../domain/identity/index.js';
import type { CredentialStore, IdentityStore } from './ports.js';

export const SYSTEM_ORGANIZATION = 'system';
export const DEMO_ORGANIZATION = 'demo';
export const ADMIN_USER = 'admin';

type Clock = () => number;

// ---------------------------------------------------------------------------------------------
// Tokens

export interface TokenServiceOptions {
  store: Pick<CredentialStore, 'signingKeys' | 'addSigningKey' | 'revokeToken' | 'isTokenRevoked'>;
  clock?: Clock;
  /** Token lifetime; default 1 hour. */
  ttlMs?: number;
  /** Clock difference tolerated between replicas; default 60 s. */
  skewMs?: number;
  /** Encrypts new private keys at rest and decrypts stored ones; without it they are stored in clear. */
  keyPassphrase?: string;
  /** How long the active keys are cached before the store is read again; default 60 s. */
  keyCacheMs?: number;
  /** Active keys kept when rotating: the new one and its predecessor (default 2). */
  keepKeys?: number;
}

export interface TokenSubject {
  sub: string;
  org: string;
  roles: readonly RoleGrant[];
  kind: PrincipalKind;
}

export interface IssuedToken {
  token: SecretText;
  claims: TokenClaims;
  /** Epoch ms. */
  expiresAt: number;
}

interface LoadedKey {
  key: SigningKey;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

/** Refreshing the keys on an unknown kid at most this often keeps garbage tokens from hammering the store. */
const UNKNOWN_KID_REFRESH_MS = 1000;

/**
 * Issues and verifies "v1." tokens signed with Ed25519 keys kept in the store, so every replica
 * verifies what any replica issued; rotation keeps the previous key verifying until its tokens expire.
 */
export class TokenService {
  readonly #store: TokenServiceOptions['store'];
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #skewMs: number;
  readonly #passphrase: string | undefined;
  readonly #cacheMs: number;
  readonly #keep: number;
  #keys: { loadedAt: number; list: LoadedKey[] } | undefined;

  constructor(options: TokenServiceOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? Date.now;
    this.#ttlMs = options.ttlMs ?? 3_600_000;
    this.#skewMs = options.skewMs ?? 60_000;
    this.#passphrase = options.keyPassphrase;
    this.#cacheMs = options.keyCacheMs ?? 60_000;
    this.#keep = Math.max(2, options.keepKeys ?? 2);
  }

  get ttlMs(): number {
    return this.#ttlMs;
  }

  async issue(subject: TokenSubject, ttlMs = this.#ttlMs): Promise<IssuedToken> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000)
      throw errors.invalid('ttlMs', 'must be at least 1000 ms');
    let keys = await this.#activeKeys();
    if (keys.length === 0) {
      await this.rotate();
      keys = await this.#activeKeys();
    }
    const current = keys[0] as LoadedKey;
    current.privateKey ??= privateKeyOf(current.key, this.#passphrase);
    const now = this.#clock();
    const claims: TokenClaims = {
      kid: current.key.kid,
      sub: subject.sub,
      org: subject.org,
      roles: subject.roles.map(formatGrant),
      iat: Math.floor(now / 1000),
      exp: Math.floor((now + ttlMs) / 1000),
      jti: newJti(),
      kind: subject.kind,
    };
    return {
      token: new SecretText(signToken(claims, current.privateKey)),
      claims,
      expiresAt: claims.exp * 1000,
    };
  }

  /** Verifies a token issued here: signature by an active key, lifetime, revocation. */
  async verify(token: string | DecodedToken): Promise<TokenClaims> {
    const decoded = typeof token === 'string' ? decodeToken(token) : token;
    const key = await this.#key(decoded.claims.kid);
    if (!key) throw unauthenticated('token signed by an unknown or retired key');
    return this.#accept(decoded, key.publicKey);
  }

  /** Verifies a token a federation peer signed with the private half of publicKeyPem. */
  verifyPeer(decoded: DecodedToken, publicKeyPem: string): Promise<TokenClaims> {
    return this.#accept(decoded, publicKeyOf(publicKeyPem));
  }

  /** Adds a token to the revocation list (until it would have expired anyway). */
  async revoke(token: string): Promise<void> {
    const claims = await this.verify(token);
    await this.#store.revokeToken(claims.jti, claims.exp * 1000 + this.#skewMs, this.#clock());
  }

  /** A new current key; the previous one keeps verifying, older ones retire. */
  async rotate(): Promise<{ kid: string; publicKey: string }> {
    // Strictly newer than every active key, so "newest" never depends on the order of equal times.
    const newest = (await this.#store.signingKeys())[0]?.createdAt ?? 0;
    const key = generateSigningKey(Math.max(this.#clock(), newest + 1), this.#passphrase);
    await this.#store.addSigningKey(key, this.#keep);
    this.#keys = undefined;
    return { kid: key.kid, publicKey: key.publicKey };
  }

  /** The active public keys, newest first: what partners register to verify this site's peer tokens. */
  async publicKeys(): Promise<{ kid: string; publicKey: string; createdAt: number }[]> {
    return (await this.#activeKeys()).map(({ key }) => ({
      kid: key.kid,
      publicKey: key.publicKey,
      createdAt: key.createdAt,
    }));
  }

  async #accept(decoded: DecodedToken, publicKey: KeyObject): Promise<TokenClaims> {
    verifySignature(decoded, publicKey);
    checkLifetime(decoded.claims, this.#clock(), this.#skewMs);
    if (await this.#store.isTokenRevoked(decoded.claims.jti)) throw unauthenticated('token revoked');
    return decoded.claims;
  }

  async #key(kid: string): Promise<LoadedKey | undefined> {
    const found = (await this.#activeKeys()).find((k) => k.key.kid === kid);
    if (found || !this.#keys || this.#clock() - this.#keys.loadedAt < UNKNOWN_KID_REFRESH_MS) return found;
    // Another replica may have rotated: read the keys again.
    this.#keys = undefined;
    return (await this.#activeKeys()).find((k) => k.key.kid === kid);
  }

  async #activeKeys(): Promise<LoadedKey[]> {
    const now = this.#clock();
    if (this.#keys && now - this.#keys.loadedAt < this.#cacheMs) return this.#keys.list;
    const list = (await this.#store.signingKeys()).map((key) => ({
      key,
      publicKey: publicKeyOf(key.publicKey),
    }));
    this.#keys = { loadedAt: now, list };
    return list;
  }
}

// ---------------------------------------------------------------------------------------------
// Identities

export interface IdentitiesOptions {
  store: IdentityStore & CredentialStore;
  /** Default: a TokenService over the same store and clock. */
  tokens?: TokenService;
  clock?: Clock;
  /** scrypt cost of new password and API key hashes (default N=2^15, r=8, p=1). */
  scrypt?: ScryptCost;
  lockout?: LockoutPolicy;
  passwordPolicy?: PasswordPolicy;
  /** An API key's lastUsedAt is written at most this often; default 60 s. */
  touchIntervalMs?: number;
}

export interface OrganizationPatch {
  name?: string;
  state?: EntityState;
  requireSignedOvf?: boolean;
  /** Merged into the current quotas; null makes one unlimited. */
  quotas?: Partial<Quotas>;
}

export interface LoginResult {
  token: SecretText;
  expiresAt: number;
  principal: Principal;
  /** The password was generated (bootstrap, reset): ask the user for a new one. */
  mustChangePassword: boolean;
}

export interface ApiKeyInput {
  /** "user:<id>@<org>" or "service:<name>@<site>". */
  owner: string;
  name?: string;
  /** Restrict the key to these of the owner's roles; empty or absent: all of them. */
  roles?: RoleGrant[];
  /** Epoch ms; absent: never. */
  expiresAt?: number | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** "rsv_<id>_<secret>": shown once, stored only as a hash. */
  secret: SecretText;
}

export interface BootstrapResult {
  created: boolean;
  /** Only when created: the system administrator's one-time password, to print once. */
  admin?: { organization: string; user: string; password: SecretText };
}

const MAX_VERIFIED_KEYS = 10_000;
const INVALID_LOGIN = 'invalid organization, user or password';
const INVALID_KEY = 'invalid API key';

function publicUser(u: StoredUser): User {
  const { passwordHash: _hash, ...user } = u;
  return user;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The Identities service over a SecurityStore port. */
export class Identities {
  readonly tokens: TokenService;
  readonly #store: IdentitiesOptions['store'];
  readonly #clock: Clock;
  readonly #scrypt: ScryptCost;
  readonly #lockout: LockoutPolicy;
  readonly #policy: PasswordPolicy;
  readonly #touchMs: number;
  /** API key id → SHA-256 of a secret already verified against the stored hash (and that hash). */
  readonly #verifiedKeys = new Map<string, { digest: Buffer; hash: string }>();
  #dummyHash: Promise<string> | undefined;

  constructor(options: IdentitiesOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? Date.now;
    this.tokens = options.tokens ?? new TokenService({ store: options.store, clock: this.#clock });
    this.#scrypt = options.scrypt ?? DEFAULT_SCRYPT_COST;
    this.#lockout = options.lockout ?? DEFAULT_LOCKOUT;
    this.#policy = options.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
    this.#touchMs = options.touchIntervalMs ?? 60_000;
  }

  // --- organizations ---

  async createOrganization(input: OrganizationInput): Promise<Organization> {
    const org = checkOrganization(input, this.#clock());
    await this.#store.createOrganization(org);
    return org;
  }

  async getOrganization(id: string): Promise<Organization> {
    const org = await this.#store.getOrganization(id);
    if (!org) throw errors.notFound('organization', id);
    return org;
  }

  listOrganizations(): Promise<Organization[]> {
    return this.#store.listOrganizations();
  }

  async updateOrganization(id: string, patch: OrganizationPatch): Promise<Organization> {
    const current = await this.getOrganization(id);
    const next = checkOrganization(
      {
        id,
        name: patch.name ?? current.name,
        state: patch.state ?? current.state,
        requireSignedOvf: patch.requireSignedOvf ?? current.requireSignedOvf,
        quotas: { ...current.quotas, ...checkPartialQuotas(patch.quotas) },
      },
      current.createdAt,
    );
    next.updatedAt = this.#clock();
    await this.#store.updateOrganization(next);
    return next;
  }

  // --- users ---

  async createUser(input: UserInput & { password?: string }): Promise<User> {
    const user = checkUser(input, this.#clock());
    const password =
      input.password === undefined ? undefined : checkPassword(input.password, user.id, this.#policy);
    await this.getOrganization(user.organization);
    await this.#checkGrantOrganizations(user.roles);
    const passwordHash = password === undefined ? null : await hashSecret(password, this.#scrypt);
    await this.#store.createUser({ ...user, passwordHash });
    return user;
  }

  async getUser(organization: string, id: string): Promise<User> {
    return publicUser(await this.#user(organization, id));
  }

  /** The users of one organization only: another tenant's users never appear. */
  async listUsers(organization: string): Promise<User[]> {
    checkName(organization, 'organization');
    return (await this.#store.listUsers({ organization })).map(publicUser);
  }

  async updateUser(
    organization: string,
    id: string,
    patch: { name?: string; state?: EntityState },
  ): Promise<User> {
    const current = await this.#user(organization, id);
    const checked = checkUser(
      { organization, id, name: patch.name ?? current.name, state: patch.state ?? current.state },
      0,
    );
    const next: StoredUser = {
      ...current,
      name: checked.name,
      state: checked.state,
      updatedAt: this.#clock(),
    };
    await this.#store.updateUser(next);
    return publicUser(next);
  }

  /** An administrator's reset; mustChange asks the user to choose another at next login. */
  async setPassword(organization: string, id: string, password: string, mustChange = false): Promise<void> {
    const current = await this.#user(organization, id);
    checkPassword(password, id, this.#policy);
    const passwordHash = await hashSecret(password, this.#scrypt);
    await this.#store.updateUser({
      ...current,
      passwordHash,
      mustChangePassword: mustChange,
      updatedAt: this.#clock(),
    });
  }

  /**
   * The user's own change: the current password must be right, and wrong guesses count towards
   * the same lockout as logins.
   */
  async changePassword(organization: string, id: string, current: string, next: string): Promise<void> {
    checkPassword(next, id, this.#policy, 'newPassword');
    if (current === next) throw errors.invalid('newPassword', 'must differ from the current password');
    await this.#checkPassword(organization, id, current);
    await this.setPassword(organization, id, next);
  }

  // --- roles and groups ---

  /** Grants a role to a user or service principal ("user:…", "service:…") or, in its organization, to a group. */
  async grantRole(subject: string, grant: RoleGrant): Promise<RoleGrant[]> {
    const g = checkGrant(grant, 'grant');
    await this.#checkGrantOrganizations([g]);
    return this.#changeRoles(subject, g, (roles) => (hasGrant(roles, g) ? roles : [...roles, g]));
  }

  async revokeRole(subject: string, grant: RoleGrant): Promise<RoleGrant[]> {
    const g = checkGrant(grant, 'grant');
    return this.#changeRoles(subject, g, (roles) =>
      roles.filter((r) => r.role !== g.role || r.organization !== g.organization),
    );
  }

  async createGroup(input: GroupInput): Promise<Group> {
    const group = checkGroup(input, this.#clock());
    await this.getOrganization(group.organization);
    for (const m of group.members) await this.#requirePrincipal(m);
    await this.#store.createGroup(group);
    return group;
  }

  async getGroup(organization: string, id: string): Promise<Group> {
    const group = await this.#store.getGroup(organization, id);
    if (!group) throw errors.notFound('group', `${id}@${organization}`);
    return group;
  }

  listGroups(organization: string): Promise<Group[]> {
    checkName(organization, 'organization');
    return this.#store.listGroups({ organization });
  }

  async addMember(organization: string, groupId: string, member: string): Promise<Group> {
    checkMember(member);
    const group = await this.getGroup(organization, groupId);
    await this.#requirePrincipal(member);
    if (group.members.includes(member)) return group;
    const next = { ...group, members: [...group.members, member].sort(), updatedAt: this.#clock() };
    await this.#store.updateGroup(next);
    return next;
  }

  async removeMember(organization: string, groupId: string, member: string): Promise<Group> {
    const group = await this.getGroup(organization, groupId);
    const next = { ...group, members: group.members.filter((m) => m !== member), updatedAt: this.#clock() };
    await this.#store.updateGroup(next);
    return next;
  }

  async deleteGroup(organization: string, id: string): Promise<void> {
    if (!(await this.#store.deleteGroup(organization, id)))
      throw errors.notFound('group', `${id}@${organization}`);
  }

  // --- service principals and federation peers ---

  async createServicePrincipal(input: ServicePrincipalInput): Promise<ServicePrincipal> {
    const principal = checkServicePrincipal(input, this.#clock());
    await this.getOrganization(principal.organization);
    await this.#checkGrantOrganizations(principal.roles);
    await this.#store.createServicePrincipal(principal);
    return principal;
  }

  async getServicePrincipal(id: string): Promise<ServicePrincipal> {
    const principal = await this.#store.getServicePrincipal(id);
    if (!principal) throw errors.notFound('service principal', id);
    return principal;
  }

  listServicePrincipals(organization?: string): Promise<ServicePrincipal[]> {
    return this.#store.listServicePrincipals(organization === undefined ? {} : { organization });
  }

  async setServicePrincipalState(id: string, state: EntityState): Promise<ServicePrincipal> {
    const next = {
      ...(await this.getServicePrincipal(id)),
      state: checkState(state),
      updatedAt: this.#clock(),
    };
    await this.#store.updateServicePrincipal(next);
    return next;
  }

  /** A token for an internal service (e.g. handed to it by the launcher that shares this store). */
  async issueServiceToken(id: string, ttlMs?: number): Promise<IssuedToken> {
    const principal = await this.#principalFor(id, 'service');
    return this.tokens.issue(
      { sub: id, org: principal.organization, roles: principal.roles, kind: 'service' },
      ttlMs,
    );
  }

  async registerPeer(input: PeerInput): Promise<FederationPeer> {
    const peer = checkPeer(input, this.#clock());
    await this.getOrganization(peer.organization);
    await this.#store.createPeer(peer);
    return peer;
  }

  async getPeer(site: string): Promise<FederationPeer> {
    const peer = await this.#store.getPeer(site);
    if (!peer) throw errors.notFound('federation peer', site);
    return peer;
  }

  listPeers(organization?: string): Promise<FederationPeer[]> {
    return this.#store.listPeers(organization === undefined ? {} : { organization });
  }

  /** A new public key after the partner rotated, or enabling/disabling the partner. */
  async updatePeer(
    site: string,
    patch: { publicKey?: string; state?: EntityState },
  ): Promise<FederationPeer> {
    const current = await this.getPeer(site);
    const checked = checkPeer(
      { ...current, publicKey: patch.publicKey ?? current.publicKey },
      current.createdAt,
    );
    const next = { ...checked, state: checkState(patch.state ?? current.state), updatedAt: this.#clock() };
    await this.#store.updatePeer(next);
    return next;
  }

  /** A token this site presents to partners, who verify it with the public key they registered for it. */
  issuePeerToken(localSite: string, ttlMs?: number): Promise<IssuedToken> {
    checkName(localSite, 'site', SITE);
    return this.tokens.issue(
      { sub: peerPrincipalId(localSite), org: SYSTEM_ORGANIZATION, roles: [], kind: 'peer' },
      ttlMs,
    );
  }

  // --- API keys ---

  async createApiKey(input: ApiKeyInput): Promise<CreatedApiKey> {
    const owner = await this.#principalFor(input.owner);
    if (owner.kind === 'peer')
      throw errors.invalid('owner', 'federation peers authenticate with signed tokens');
    const roles = checkGrants(input.roles);
    for (const g of roles) {
      if (!hasGrant(owner.roles, g))
        throw errors.invalid('roles', `${input.owner} does not hold ${formatGrant(g)}`);
    }
    const now = this.#clock();
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && (!Number.isSafeInteger(expiresAt) || expiresAt <= now)) {
      throw errors.invalid('expiresAt', 'must be a future instant in epoch milliseconds');
    }
    const name = input.name ?? '';
    if (typeof name !== 'string' || name.length > 200)
      throw errors.invalid('name', 'must be at most 200 characters');
    const secret = newApiKeySecret();
    const apiKey: ApiKey = {
      id: newId('ak', now),
      owner: input.owner,
      organization: owner.organization,
      name,
      roles,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.#store.createApiKey({ ...apiKey, secretHash: await hashSecret(secret, this.#scrypt) });
    return { apiKey, secret: new SecretText(formatApiKey(apiKey.id, secret)) };
  }

  /** Idempotent; NOT_FOUND when there is no such key. */
  async revokeApiKey(id: string): Promise<void> {
    const key = await this.#store.getApiKey(id);
    if (!key) throw errors.notFound('API key', id);
    await this.#store.revokeApiKey(id, this.#clock());
    this.#verifiedKeys.delete(id);
  }

  listApiKeys(filter: { organization: string; owner?: string }): Promise<ApiKey[]> {
    checkName(filter.organization, 'organization');
    return this.#store.listApiKeys(filter);
  }

  // --- login and authentication ---

  /**
   * A token for a user's password. Every wrong part (organization, user, password, a disabled
   * account) is the same UNAUTHENTICATED; after too many failures the pair is locked for a while
   * (RESOURCE_EXHAUSTED, LoginLockedError.retryAfterMs) whatever the password.
   */
  async login(organization: string, user: string, password: string): Promise<LoginResult> {
    const { principal, mustChangePassword } = await this.#checkPassword(organization, user, password);
    const issued = await this.tokens.issue({
      sub: principal.id,
      org: principal.organization,
      roles: principal.roles,
      kind: 'user',
    });
    return {
      token: issued.token,
      expiresAt: issued.expiresAt,
      principal: {
        ...principal,
        credential: { type: 'token', id: issued.claims.jti, expiresAt: issued.expiresAt },
      },
      mustChangePassword,
    };
  }

  /** Revokes the token (logout); its jti stays on the revocation list until it would have expired. */
  logout(token: string): Promise<void> {
    return this.tokens.revoke(token);
  }

  /**
   * The Principal behind a credential: a "v1." token (optionally "Bearer …") or an API key
   * "rsv_…" (optionally "ApiKey …" or "Bearer …"). Roles are read from the store now, so a
   * disabled account or a withdrawn role takes effect at once. UNAUTHENTICATED otherwise.
   */
  async authenticate(credential: string | undefined | null): Promise<Principal> {
    const raw = (credential ?? '').trim().replace(/^(bearer|apikey)\s+/i, '');
    if (raw === '') throw unauthenticated('no credential: send a bearer token or an API key');
    if (looksLikeApiKey(raw)) return this.#authenticateApiKey(raw);
    if (raw.startsWith('v1.')) return this.#authenticateToken(raw);
    throw unauthenticated('unsupported credential: expected a bearer token (v1.…) or an API key (rsv_…)');
  }

  // --- bootstrap ---

  /**
   * On an empty store: the "system" organization with its administrator (system-admin, a random
   * one-time password returned once) and the "demo" organization. Does nothing on a store that
   * already has organizations, so every replica may call it at start.
   */
  async bootstrap(): Promise<BootstrapResult> {
    if ((await this.#store.listOrganizations()).length > 0) return { created: false };
    const now = this.#clock();
    const password = randomSecret(18);
    const admin: StoredUser = {
      ...checkUser(
        {
          organization: SYSTEM_ORGANIZATION,
          id: ADMIN_USER,
          name: 'System administrator',
          roles: [{ role: 'system-admin', organization: GLOBAL }],
        },
        now,
      ),
      mustChangePassword: true,
      passwordHash: await hashSecret(password, this.#scrypt),
    };
    const created = await this.#store.initialize({
      organizations: [
        checkOrganization({ id: SYSTEM_ORGANIZATION, name: 'System' }, now),
        checkOrganization({ id: DEMO_ORGANIZATION, name: 'Demo' }, now),
      ],
      users: [admin],
    });
    if (!created) return { created: false };
    return {
      created: true,
      admin: { organization: SYSTEM_ORGANIZATION, user: ADMIN_USER, password: new SecretText(password) },
    };
  }

  // --- internals ---

  async #user(organization: string, id: string): Promise<StoredUser> {
    const user = await this.#store.getUser(organization, id);
    if (!user) throw errors.notFound('user', `${id}@${organization}`);
    return user;
  }

  /**
   * The enabled user whose password this is, or UNAUTHENTICATED whatever was wrong; a failure
   * counts towards the lockout of (organization, user), and a locked pair is refused unchecked.
   */
  async #checkPassword(
    organization: string,
    user: string,
    password: string,
  ): Promise<{ principal: Omit<Principal, 'credential'>; mustChangePassword: boolean }> {
    const now = this.#clock();
    const subject = loginSubject(String(organization), String(user));
    const windowStart = now - this.#lockout.windowMs;
    const wait = lockedFor(await this.#store.loginFailures(subject, windowStart), now, this.#lockout);
    if (wait > 0) throw new LoginLockedError(wait);

    const stored = await this.#loginCandidate(organization, user);
    const usable = typeof password === 'string' && password.length <= this.#policy.maxLength;
    // A missing user costs the same scrypt as a present one, so timing does not tell them apart.
    const hash = stored?.passwordHash ?? (await this.#dummy());
    const matches = usable && (await verifySecret(password, hash));
    const principal =
      matches && stored?.passwordHash
        ? await this.#principalFor(userPrincipalId(organization, user), 'user').catch(unlessUnauthenticated)
        : undefined;
    if (!principal || !stored?.passwordHash) {
      await this.#store.recordLoginFailure(subject, now, windowStart);
      throw unauthenticated(INVALID_LOGIN);
    }
    await this.#store.clearLoginFailures(subject);
    if (needsRehash(stored.passwordHash, this.#scrypt)) {
      await this.#store.updateUser({ ...stored, passwordHash: await hashSecret(password, this.#scrypt) });
    }
    return { principal, mustChangePassword: stored.mustChangePassword };
  }

  async #loginCandidate(organization: unknown, user: unknown): Promise<StoredUser | undefined> {
    const valid = (v: unknown) => typeof v === 'string' && NAME.test(v);
    return valid(organization) && valid(user)
      ? this.#store.getUser(organization as string, user as string)
      : undefined;
  }

  #dummy(): Promise<string> {
    this.#dummyHash ??= hashSecret(randomSecret(), this.#scrypt);
    return this.#dummyHash;
  }

  async #checkGrantOrganizations(grants: readonly RoleGrant[]): Promise<void> {
    for (const g of grants) {
      if (g.organization !== GLOBAL) await this.getOrganization(g.organization);
    }
  }

  async #requirePrincipal(id: string): Promise<void> {
    const ref = parseSubject(id, 'member');
    if (ref.kind === 'user') await this.#user(ref.organization, ref.id);
    else if (ref.kind === 'service') await this.getServicePrincipal(ref.id);
  }

  async #changeRoles(
    subject: string,
    grant: RoleGrant,
    change: (roles: RoleGrant[]) => RoleGrant[],
  ): Promise<RoleGrant[]> {
    const ref = parseSubject(subject);
    const updatedAt = this.#clock();
    switch (ref.kind) {
      case 'user': {
        const user = await this.#user(ref.organization, ref.id);
        const roles = checkGrants(change(user.roles));
        await this.#store.updateUser({ ...user, roles, updatedAt });
        return roles;
      }
      case 'service': {
        const principal = await this.getServicePrincipal(ref.id);
        if (grant.organization === GLOBAL && principal.organization !== 'system')
          throw errors.invalid(
            'grant',
            'only a service principal of the system organization can be system-admin',
          );
        const roles = checkGrants(change(principal.roles));
        await this.#store.updateServicePrincipal({ ...principal, roles, updatedAt });
        return roles;
      }
      case 'group': {
        if (grant.organization !== ref.organization) {
          throw errors.invalid(
            'grant.organization',
            `a group's roles apply in its own organization (${ref.organization})`,
          );
        }
        const group = await this.getGroup(ref.organization, ref.id);
        const grants = change(group.roles.map((role) => ({ role, organization: group.organization })));
        const next = {
          ...group,
          roles: checkGroup({ ...group, roles: grants.map((g) => g.role) }, 0).roles,
          updatedAt,
        };
        await this.#store.updateGroup(next);
        return grants;
      }
      case 'peer':
        throw errors.invalid('subject', 'a federation peer holds federation-peer in its organization only');
    }
  }

  /**
   * The principal behind a principal id, with its effective roles now; UNAUTHENTICATED when it
   * does not exist, is disabled, or its organization is (kind, when given, must match).
   */
  async #principalFor(id: string, kind?: PrincipalKind): Promise<Omit<Principal, 'credential'>> {
    const ref = subjectOrUndefined(id);
    if (!ref || ref.kind === 'group' || (kind !== undefined && ref.kind !== kind)) {
      throw unauthenticated('credential names no known principal');
    }
    const gone = () => unauthenticated('the principal of this credential is unknown or disabled');
    if (ref.kind === 'peer') {
      const peer = await this.#store.getPeer(ref.site);
      if (!peer || peer.state !== 'enabled') throw gone();
      return {
        id,
        kind: 'peer',
        organization: peer.organization,
        roles: [{ role: 'federation-peer', organization: peer.organization }],
      };
    }
    const holder =
      ref.kind === 'user'
        ? await this.#store.getUser(ref.organization, ref.id)
        : await this.#store.getServicePrincipal(ref.id);
    if (!holder || holder.state !== 'enabled') throw gone();
    const org = await this.#store.getOrganization(holder.organization);
    if (!org || org.state !== 'enabled') throw gone();
    const roles = effectiveGrants(holder.roles, await this.#store.groupsOf(id));
    return { id, kind: ref.kind, organization: holder.organization, roles };
  }

  async #authenticateToken(token: string): Promise<Principal> {
    const decoded = decodeToken(token);
    const { kind, sub } = decoded.claims;
    let claims: TokenClaims;
    if (kind === 'peer') {
      const ref = subjectOrUndefined(sub);
      const peer = ref?.kind === 'peer' ? await this.#store.getPeer(ref.site) : undefined;
      if (!peer || peer.state !== 'enabled')
        throw unauthenticated('token of an unknown or disabled federation peer');
      claims = await this.tokens.verifyPeer(decoded, peer.publicKey);
    } else {
      claims = await this.tokens.verify(decoded);
    }
    const principal = await this.#principalFor(claims.sub, kind);
    return { ...principal, credential: { type: 'token', id: claims.jti, expiresAt: claims.exp * 1000 } };
  }

  async #authenticateApiKey(credential: string): Promise<Principal> {
    const parsed = parseApiKey(credential);
    if (!parsed) throw unauthenticated(INVALID_KEY);
    const key = await this.#store.getApiKey(parsed.id);
    if (!key || !(await this.#secretMatches(key.id, parsed.secret, key.secretHash)))
      throw unauthenticated(INVALID_KEY);
    const now = this.#clock();
    if (key.revokedAt !== null) throw unauthenticated('API key revoked');
    if (key.expiresAt !== null && key.expiresAt <= now) throw unauthenticated('API key expired');
    const owner = await this.#principalFor(key.owner);
    if (key.lastUsedAt === null || now - key.lastUsedAt >= this.#touchMs)
      await this.#store.touchApiKey(key.id, now);
    return {
      ...owner,
      roles: restrictGrants(owner.roles, key.roles),
      credential: { type: 'api-key', id: key.id, expiresAt: key.expiresAt },
    };
  }

  /**
   * scrypt per request would cost tens of milliseconds, so a secret verified once is remembered
   * by its SHA-256 (never in clear) next to the hash it matched; revocation is still read from the store.
   */
  async #secretMatches(id: string, secret: string, hash: string): Promise<boolean> {
    const digest = sha256(secret);
    const known = this.#verifiedKeys.get(id);
    if (known && known.hash === hash && timingSafeEqual(known.digest, digest)) return true;
    if (!(await verifySecret(secret, hash))) return false;
    if (this.#verifiedKeys.size >= MAX_VERIFIED_KEYS) {
      this.#verifiedKeys.delete(this.#verifiedKeys.keys().next().value as string);
    }
    this.#verifiedKeys.set(id, { digest, hash });
    return true;
  }
}

function subjectOrUndefined(id: string): SubjectRef | undefined {
  try {
    return parseSubject(id);
  } catch {
    return undefined;
  }
}

function unlessUnauthenticated(e: unknown): undefined {
  if (isReservoirError(e) && e.code === 'UNAUTHENTICATED') return undefined;
  throw e;
}

function checkPartialQuotas(quotas: Partial<Quotas> | undefined): Partial<Quotas> {
  if (quotas === undefined) return {};
  checkQuotas(quotas);
  return quotas;
}
