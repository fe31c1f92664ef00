import { errors, toReservoirError } from '@reservoir/runtime';
import { compareGuestFacts, GUEST_FACTS, type GuestFact } from '../../domain/interop/guest-facts.js';
import type { GuestCheck } from '../../domain/interop/guest-profiles.js';
import type { Difference, InteropReport } from '../../domain/interop/report.js';
import {
  aggregate,
  completeSteps,
  stepResult,
  type InteropStep,
  type Score,
  type StepResult,
} from '../../domain/interop/seven-step.js';
import {
  scoreConsistencyCheck,
  scoreGuestChecks,
  scoreResourceCheck,
  scoreSourceSanity,
} from '../../domain/interop/step-scoring.js';
import type { Federation } from './federation.js';
import { guestView } from './guest.js';
import { hypervisorProfile } from './interop-input.js';
import type { Transfer } from './types.js';
import { waitForVm } from './wait-vm.js';

export interface InteropTestResult {
  score: Score;
  steps: StepResult[];
  report: InteropReport & { targetSite: string };
  guestChanges: Difference[];
  targetVmId: string;
}

const FACT_NAMES: Record<string, GuestFact> = {
  'cpu-model': 'cpuModel',
  cpumodel: 'cpuModel',
  vcpus: 'vcpus',
  memory: 'memoryMib',
  ip: 'ips',
  ips: 'ips',
  routes: 'routes',
};

/** Guest checks from names: the named facts fail the test when they change, the others warn. */
export function strictChecks(names: readonly string[]): Partial<Record<GuestFact, GuestCheck>> {
  const checks: Partial<Record<GuestFact, GuestCheck>> = {};
  for (const f of GUEST_FACTS) checks[f] = 'WARNING';
  names.forEach((n, i) => {
    const fact = FACT_NAMES[n.toLowerCase()];
    if (!fact)
      throw errors.invalid(
        `strict_facts[${i}]`,
        `"${n}" is not one of ${Object.keys(FACT_NAMES).join(', ')}`,
      );
    checks[fact] = 'FAILURE';
  });
  return checks;
}

const SLOW = 120_000;

/**
 * Seed 001's migration test, on the platform's own machinery: sanity check and shutdown at the
 * source, then a copy by the message process whose steps map onto export, resource check,
 * consistency check, import and restart, and the guest's view before and after.
 */
export class InteropTests {
  constructor(private readonly fed: Federation) {}

  async run(req: {
    vmId: string;
    target: string;
    keep: boolean;
    strictFacts?: readonly string[];
    checks?: Partial<Record<GuestFact, GuestCheck>>;
  }): Promise<InteropTestResult> {
    const checks = req.checks ?? strictChecks(req.strictFacts ?? []);
    const veem = this.fed.veem;
    const steps: StepResult[] = [];
    const timed = async (step: InteropStep, fn: () => Promise<{ score: Score; detail: string }>) => {
      const began = Date.now();
      try {
        const r = await fn();
        steps.push(stepResult(step, r.score, r.detail, Date.now() - began));
        return r.score !== 'FAILURE';
      } catch (e) {
        steps.push(stepResult(step, 'FAILURE', toReservoirError(e).message, Date.now() - began));
        return false;
      }
    };
    const vm = await veem.vms.find(req.vmId);
    const profile = vm.host ? veem.ctx.inv.hosts.get(vm.host)?.profile : undefined;
    // The test shuts the VM down and copies it: a cold move, whatever the VM's state now.
    const report = await this.fed.check({ vmId: vm.id, target: req.target, live: false });
    const fullReport = { ...report, level: report.level || null } as InteropReport & { targetSite: string };
    const before = guestView(veem.ctx, vm);
    let transfer: Transfer | undefined;
    let guestChanges: Difference[] = [];

    const ok =
      (await timed('sanity-check-source', async () => {
        if (vm.state !== 'running') return { score: 'FAILURE', detail: `the VM is ${vm.state}, not running` };
        if (!profile) return { score: 'FAILURE', detail: `the VM's host ${vm.host} is unknown` };
        const s = scoreSourceSanity(
          {
            vcpus: vm.resources.vcpus,
            memoryMib: vm.resources.memoryMib,
            diskFormat: vm.diskFormat,
            requirements: vm.requirements,
          },
          hypervisorProfile(profile),
        );
        return { score: s.score, detail: s.detail };
      })) &&
      (await timed('shutdown-source', async () => {
        await veem.vms.act(vm.id, 'stop');
        const end = await waitForVm(veem, vm.id, (v) => !v.op, SLOW);
        if (end?.state !== 'poweroff')
          return { score: 'FAILURE', detail: `the VM is ${end?.state ?? 'gone'}` };
        return { score: 'SUCCESS', detail: 'ACPI shutdown; powered off' };
      }));

    if (ok) {
      const began = Date.now();
      try {
        const { transfer: t } = await this.fed.transfer({ vmId: vm.id, target: req.target, mode: 'copy' });
        transfer = await this.fed.transfers.drive(t.id);
      } catch (e) {
        steps.push(stepResult('export-ovf', 'FAILURE', toReservoirError(e).message, Date.now() - began));
      }
    }
    if (transfer) {
      const entry = (step: string) => transfer!.log.find((l) => l.step === step);
      const failedAt = transfer.state === 'failed' ? transfer.log.at(-1) : undefined;
      const configure = entry('configure');
      const exp = entry('export');
      // The export (step 3) is judged by the export's own log; configure precedes it in the
      // message process but is reported as the resource and consistency checks (steps 4 and 5).
      if (exp) steps.push(stepResult('export-ovf', 'SUCCESS', exp.message, exp.ms));
      else if (failedAt?.step === 'export')
        steps.push(stepResult('export-ovf', 'FAILURE', failedAt.message, failedAt.ms));
      if (
        configure?.outcome === 'confirmed' ||
        configure?.outcome === 'denied' ||
        failedAt?.step === 'configure'
      ) {
        const r = scoreResourceCheck(fullReport);
        steps.push(stepResult('resource-check-target', r.score, r.detail, configure?.ms ?? 0));
        const c = scoreConsistencyCheck(fullReport);
        if (r.score !== 'FAILURE') steps.push(stepResult('consistency-check-target', c.score, c.detail, 0));
      }
      const reserve = entry('reserve');
      const init = entry('initialize');
      if (init?.outcome === 'confirmed')
        steps.push(
          stepResult(
            'import-target',
            'SUCCESS',
            `${reserve?.message ?? ''}; ${init.message}`,
            (reserve?.ms ?? 0) + init.ms,
          ),
        );
      else if (failedAt && (failedAt.step === 'reserve' || failedAt.step === 'initialize'))
        steps.push(stepResult('import-target', 'FAILURE', failedAt.message, failedAt.ms));
      const start = entry('start');
      if (start?.outcome === 'confirmed' && transfer.targetGuest) {
        guestChanges = compareGuestFacts(before, transfer.targetGuest);
        const g = scoreGuestChecks(checks, guestChanges);
        steps.push(stepResult('restart-target', g.score, `${start.message}; ${g.detail}`, start.ms));
      } else if (failedAt?.step === 'start')
        steps.push(stepResult('restart-target', 'FAILURE', failedAt.message, failedAt.ms));
    }
    const all = completeSteps(steps);
    if (!req.keep) await this.cleanUp(vm.id, transfer);
    return {
      score: aggregate(all),
      steps: all,
      report: fullReport,
      guestChanges,
      targetVmId: transfer?.state === 'succeeded' ? transfer.targetVmId : '',
    };
  }

  /** Leaves the platform as it was: the copy gone, the source running again. */
  private async cleanUp(vmId: string, transfer: Transfer | undefined): Promise<void> {
    const veem = this.fed.veem;
    if (transfer?.state === 'succeeded') await this.fed.partner(transfer.targetSite).release(transfer.id);
    const vm = veem.ctx.inv.vms.get(vmId);
    if (vm?.state === 'poweroff') {
      await veem.vms.act(vmId, 'start');
      await waitForVm(veem, vmId, (v) => !v.op, SLOW);
    }
  }
}
