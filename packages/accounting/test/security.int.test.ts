import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountingServiceDefinition } from '@reservoir/contracts';
import { createClient, silentLogger } from '@reservoir/runtime';
import { securityFixture, type SecurityFixture } from '@reservoir/security';
import { createAccounting, type RunningAccounting } from '../src/create-accounting.js';

// The accounting service behind its enforcement point: an organization's accounts, bills and usage
// are its own; price lists are read by their organization's members and set by the site's admin.

const HOUR = 3600_000;

describe('accounting access control', () => {
  let dir = '';
  let acc: RunningAccounting;
  let fixture: SecurityFixture;
  const clients: { close(): void }[] = [];
  const now = Date.now();
  const period = { periodStartMs: now - 4 * HOUR, periodEndMs: now };

  const as = (credential?: string) => {
    const c = createClient(AccountingServiceDefinition, acc.address, {
      deadlineMs: 30_000,
      ...(credential ? { metadata: { authorization: credential } } : {}),
    });
    clients.push(c);
    return c;
  };
  const denied = async (call: Promise<unknown>, message: string) => {
    const err = (await call.catch((e: unknown) => e)) as { code: string; message: string };
    expect(err).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(err.message).toContain(message);
    const seq = Number(/audit entry (\d+)/.exec(err.message)?.[1]);
    const [entry] = await fixture.security.audit.query({ afterSeq: seq - 1, limit: 1 });
    expect(entry).toMatchObject({ seq, decision: 'Deny' });
    return entry!;
  };

  let admin: ReturnType<typeof as>;
  let acmeAdmin: ReturnType<typeof as>;
  let acmeViewer: ReturnType<typeof as>;
  let globex: ReturnType<typeof as>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acc-sec-'));
    fixture = await securityFixture({ service: 'accounting' });
    acc = await createAccounting({
      database: `sqlite:${join(dir, 'acc.db')}`,
      logger: silentLogger(),
      enforce: fixture.security.enforce,
    });
    admin = as(await fixture.user('system', ['system-admin'], 'root'));
    acmeAdmin = as(await fixture.user('acme', ['org-admin'], 'ada'));
    acmeViewer = as(await fixture.user('acme', ['viewer'], 'vic'));
    globex = as(await fixture.user('globex', ['org-admin'], 'gus'));

    // Each organization's admin opens its own account; the platform meters usage into them.
    expect(await acmeAdmin.createAccount({ id: 'acme-main', kind: 'prepaid' })).toMatchObject({
      organization: 'acme',
    });
    await globex.createAccount({ id: 'globex-main' });
    const usage = (accountId: string, vm: string) => ({
      key: `${accountId}:${vm}`,
      accountId,
      service: `${accountId}-web`,
      component: 'front',
      vmId: vm,
      site: 'site-a',
      metric: 'vm.hours',
      quantity: '2',
      startMs: now - 3 * HOUR,
      endMs: now - HOUR,
    });
    expect(
      await admin.ingestUsage({ records: [usage('acme-main', 'vm-1'), usage('globex-main', 'vm-2')] }),
    ).toMatchObject({ accepted: 2 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await acc?.stop();
    await fixture?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses anonymous callers', async () => {
    const anonymous = as();
    await expect(anonymous.listAccounts({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(anonymous.getPrices({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("keeps an organization's accounts, bills and usage from another organization", async () => {
    const entry = await denied(
      globex.getAccount({ id: 'acme-main' }),
      'user:gus@globex may not account.read account "acme-main" of organization "acme"',
    );
    expect(entry).toMatchObject({
      principal: 'user:gus@globex',
      resource: { type: 'account', id: 'acme-main', organization: 'acme' },
    });
    await denied(globex.getBill({ accountId: 'acme-main', ...period }), 'may not bill.read');
    await denied(globex.listUsage({ accountId: 'acme-main' }), 'may not bill.list');
    await denied(globex.topUp({ accountId: 'acme-main', amount: '10', key: 'k' }), 'may not account.update');
    await denied(globex.listAccounts({ organization: 'acme' }), 'may not account.list');

    expect((await globex.listAccounts({})).accounts?.map((a) => a.id)).toEqual(['globex-main']);
    expect((await globex.listUsage({})).records?.map((r) => r.accountId)).toEqual(['globex-main']);
    expect((await admin.listAccounts({})).accounts?.map((a) => a.id).sort()).toEqual([
      'acme-main',
      'globex-main',
    ]);
    expect((await admin.listUsage({})).records).toHaveLength(2);
    // An account that does not exist: the admin is told so, anyone else is denied.
    await expect(admin.getAccount({ id: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await denied(globex.getAccount({ id: 'nobody' }), 'may not account.read');
  });

  it('lets a viewer of the organization read its bill and nothing more', async () => {
    const bill = await acmeViewer.getBill({ accountId: 'acme-main', ...period });
    expect(bill).toMatchObject({ accountId: 'acme-main', currency: 'EUR', total: '0.02' });
    expect(bill.lines?.map((l) => l.service)).toEqual(['acme-main-web']);
    expect(await acmeViewer.getAccount({ id: 'acme-main' })).toMatchObject({ organization: 'acme' });
    expect((await acmeViewer.listAccounts({})).accounts?.map((a) => a.id)).toEqual(['acme-main']);
    expect((await acmeViewer.listUsage({})).records?.map((r) => r.key)).toEqual(['acme-main:vm-1']);
    await denied(
      acmeViewer.topUp({ accountId: 'acme-main', amount: '10', key: 'k' }),
      'may not account.update',
    );
    await denied(acmeViewer.createAccount({ id: 'acme-2' }), 'may not account.create');
    // The organization's admin tops up; a billing run is the platform's.
    expect(await acmeAdmin.topUp({ accountId: 'acme-main', amount: '10', key: 'k' })).toMatchObject({
      balance: '10.00',
    });
    await denied(acmeAdmin.runBilling(period), 'may not bill.create');
    await denied(acmeAdmin.getProfitability(period), 'may not profitability.read');
    expect(await admin.runBilling(period)).toMatchObject({ invoices: 2 });
  });

  it('lets every member read its price list and quote, and only the site admin set one', async () => {
    // No roles at all: membership is enough to read what the organization is charged.
    const nobody = as(await fixture.user('globex', [], 'nora'));
    expect((await nobody.getPrices({})).yaml).toContain('vm.hours');
    expect((await nobody.getPrices({ organization: 'globex' })).yaml).toContain('vm.hours');
    const quote = await nobody.quoteCost({
      organization: 'globex',
      components: [{ component: 'front', vcpus: 1, memoryMib: 1024, instancesInitial: 1, instancesMax: 2 }],
    });
    expect(quote.currency).toBe('EUR');
    await denied(nobody.getPrices({ organization: 'acme' }), 'may not price.read');
    await denied(nobody.quoteCost({ organization: 'acme', components: [] }), 'may not price.read');

    const acmeList = 'organization: acme\ncurrency: EUR\nrules:\n  - metric: vm.hours\n    rate: "0.5"\n';
    await denied(acmeAdmin.setPrices({ organization: 'acme', yaml: acmeList }), 'may not price.update');
    await denied(acmeAdmin.setPrices({ yaml: acmeList }), 'may not price.update');
    expect((await admin.setPrices({ organization: 'acme', yaml: acmeList })).yaml).toContain('0.5');
    expect((await acmeViewer.getPrices({ organization: 'acme' })).yaml).toContain('0.5');
  });
});
