import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReservoirError } from '@reservoir/runtime';
import { REPO_ROOT } from '@reservoir/runtime';
import { type OvfWriteSpec, parseOvf, parseOvfDocument, toWriteSpec, writeOvf } from './index.js';

const OVF = 'http://schemas.dmtf.org/ovf/envelope/1';
const VMW = 'http://www.vmware.com/schema/ovf';
const GiB = 2 ** 30;

const spec: OvfWriteSpec = {
  references: [
    { id: 'file1', href: 'web disk.vmdk', size: 1234 },
    { id: 'file2', href: 'db&data.vmdk', size: null },
  ],
  disks: [
    {
      diskId: 'web',
      capacityBytes: 10 * GiB,
      format: 'http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized',
      fileRef: 'file1',
    },
    { diskId: 'db', capacityBytes: 1000, format: '', fileRef: 'file2' },
    { diskId: 'scratch', capacityBytes: null, format: '', fileRef: null },
  ],
  networks: [
    { name: 'front <public>', description: 'Internet-facing & "quoted"' },
    { name: 'back', description: '' },
  ],
  content: {
    kind: 'VirtualSystemCollection',
    id: 'shop',
    name: 'Shop vApp',
    startup: [
      {
        id: 'tier',
        order: 1,
        waitingForGuest: true,
        startDelaySeconds: 30,
        stopDelaySeconds: 0,
        startAction: 'powerOn',
        stopAction: 'guestShutdown',
      },
      {
        id: 'web',
        order: 2,
        waitingForGuest: false,
        startDelaySeconds: 0,
        stopDelaySeconds: 10,
        startAction: 'powerOn',
        stopAction: 'powerOff',
      },
    ],
    extraAttributes: [{ ns: VMW, prefix: 'vmw', name: 'owner', value: 'ops' }],
    extraSections: [
      {
        ns: OVF,
        prefix: '',
        name: 'AnnotationSection',
        children: [
          { ns: OVF, prefix: '', name: 'Info', text: 'A note' },
          { ns: OVF, prefix: '', name: 'Annotation', text: 'Line 1\n  <b>not markup</b> & more' },
        ],
      },
    ],
    children: [
      {
        kind: 'VirtualSystemCollection',
        id: 'tier',
        name: 'tier',
        startup: [
          {
            id: 'db',
            order: 1,
            waitingForGuest: false,
            startDelaySeconds: 5,
            stopDelaySeconds: 5,
            startAction: 'powerOn',
            stopAction: 'powerOff',
          },
        ],
        children: [
          {
            kind: 'VirtualSystem',
            id: 'db',
            name: 'Datenbank — 数据库',
            osType: '96',
            cpus: 4,
            memoryMiB: 8192,
            diskIds: ['db', 'scratch'],
            nicNetworks: ['back'],
            properties: [],
          },
        ],
      },
      {
        kind: 'VirtualSystem',
        id: 'web',
        name: 'web',
        osType: '',
        cpus: 2,
        memoryMiB: 1536.5,
        diskIds: ['web'],
        nicNetworks: ['front <public>', '', 'back'],
        properties: [
          {
            key: 'app.url',
            type: 'string',
            value: 'http://x/?a=1&b="2"',
            label: 'URL',
            description: 'Where <it> runs',
            userConfigurable: true,
          },
          {
            key: 'app.debug',
            type: 'boolean',
            value: '',
            label: '',
            description: '',
            userConfigurable: false,
          },
        ],
        extraAttributes: [{ ns: VMW, prefix: 'vmw', name: 'tier', value: 'front' }],
        extraSections: [
          {
            ns: VMW,
            prefix: 'vmw',
            name: 'BootOrderSection',
            attributes: [
              { name: 'required', value: 'false', ns: OVF, prefix: 'ovf' },
              { name: 'type', value: 'net', ns: VMW, prefix: 'vmw' },
              { name: 'plain', value: 'a\tb\nc' },
            ],
            children: [
              { ns: OVF, prefix: '', name: 'Info', text: 'Boot order' },
              { ns: '', prefix: '', name: 'unqualified', text: 'x' },
              {
                ns: 'urn:example:other',
                prefix: '',
                name: 'Defaulted',
                children: [{ ns: 'urn:example:other', prefix: '', name: 'Inner' }],
              },
              {
                ns: 'urn:example:ext',
                prefix: 'ext',
                name: 'Deep',
                attributes: [{ name: 'k', value: 'v', ns: 'urn:example:ext', prefix: 'ext' }],
              },
            ],
          },
        ],
      },
    ],
  },
  extraSections: [
    {
      ns: VMW,
      prefix: 'vmw',
      name: 'IpAssignmentSection',
      attributes: [{ name: 'required', value: 'false', ns: OVF, prefix: 'ovf' }],
      children: [{ ns: OVF, prefix: '', name: 'Info', text: 'Supported IP assignment schemes' }],
    },
  ],
};

function thrown(fn: () => unknown): ReservoirError {
  try {
    fn();
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('did not throw');
}

describe('writeOvf', () => {
  const xml = writeOvf(spec);
  const doc = parseOvfDocument(xml, 'written.ovf');

  it('writes a 1.x envelope that parses without warnings other than the missing capacity', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"',
      ),
    ).toBe(true);
    expect(xml).toContain('ovf:version="1.0"');
    expect(xml).toContain(`xmlns:vmw="${VMW}"`);
    expect(xml).toContain(
      '<Disk ovf:diskId="web" ovf:capacity="10" ovf:capacityAllocationUnits="byte * 2^30"',
    );
    expect(xml).toContain('<rasd:HostResource>ovf:/disk/scratch</rasd:HostResource>');
    expect(doc.edition).toBe('1.x');
    expect(doc.warnings).toEqual([expect.stringMatching(/^written\.ovf:\d+: <Disk>: no capacity$/)]);
  });

  it('round-trips systems, disks, networks, properties, startup items and foreign content', () => {
    expect(toWriteSpec(doc)).toEqual(spec);
  });

  it('gives back the model values', () => {
    const [db, web] = doc.virtualSystems;
    expect(db).toMatchObject({ id: 'db', parentId: 'tier', cpus: 4, memoryMiB: 8192, osType: '96', nics: 1 });
    expect(db?.disks.map((d) => d.capacityBytes)).toEqual([1000, null]);
    expect(web).toMatchObject({
      parentId: 'shop',
      cpus: 2,
      memoryMiB: 1536.5,
      nics: 3,
      nicNetworks: ['front <public>', '', 'back'],
    });
    expect(web?.properties).toEqual([
      { key: 'app.url', type: 'string', value: 'http://x/?a=1&b="2"' },
      { key: 'app.debug', type: 'boolean', value: '' },
    ]);
    expect(doc.references).toEqual(spec.references);
    expect(doc.collections.map((c) => [c.id, c.childIds])).toEqual([
      ['shop', ['tier', 'web']],
      ['tier', ['db']],
    ]);
  });

  it('escapes text and attributes', () => {
    expect(xml).toContain('<Annotation>Line 1\n  &lt;b&gt;not markup&lt;/b&gt; &amp; more</Annotation>');
    expect(xml).toContain('<Network ovf:name="front &lt;public&gt;">');
    expect(xml).toContain('ovf:href="db&amp;data.vmdk"');
    expect(xml).toContain('plain="a&#9;b&#10;c"');
  });

  it('rejects an inconsistent spec, one problem per line', () => {
    const web = spec.content.kind === 'VirtualSystemCollection' ? spec.content.children[1] : undefined;
    if (web?.kind !== 'VirtualSystem') throw new Error('fixture shape');
    const bad: OvfWriteSpec = {
      ...spec,
      disks: [...spec.disks, { diskId: 'web', capacityBytes: 1, format: '', fileRef: 'nofile' }],
      content: {
        kind: 'VirtualSystemCollection',
        id: 'c',
        name: 'c',
        startup: [
          {
            id: 'ghost',
            order: 1,
            waitingForGuest: false,
            startDelaySeconds: 0,
            stopDelaySeconds: 0,
            startAction: 'powerOn',
            stopAction: 'powerOff',
          },
        ],
        children: [
          {
            ...web,
            diskIds: ['missing'],
            nicNetworks: ['nowhere'],
            extraAttributes: [{ ns: 'urn:y', prefix: 'y', name: 'no good', value: '' }],
            extraSections: [
              { ns: 'urn:clash', prefix: 'vmw', name: 'X' },
              { ns: 'urn:y', prefix: 'y', name: 'bad name' },
            ],
          },
        ],
      },
    };
    const err = thrown(() => writeOvf(bad));
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message.split('\n')).toEqual([
      'duplicate diskId "web"',
      'Disk "web" refers to unknown File "nofile"',
      'VirtualSystemCollection "c": startup item "ghost" is not a child',
      'VirtualSystem "web": "no good" is not an attribute name',
      'VirtualSystem "web": disk "missing" is not in the DiskSection',
      'VirtualSystem "web": network "nowhere" is not in the NetworkSection',
      'VirtualSystem "web" extraSections[1]: "bad name" is not an element name',
      `prefix "vmw" is bound to ${VMW} and to urn:clash`,
    ]);
  });
});

const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');

function positives(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return /^neg(ative)?$/i.test(name) ? [] : positives(path);
    return /\.ovf$/i.test(name) ? [relative(FIXTURES, path)] : [];
  });
}

// Parseable, but not writable as they stand: the writer refuses dangling or invalid references.
const UNWRITABLE: Record<string, RegExp> = {
  [join('cot-cisco', 'invalid.ovf')]: /Disk "flash2" refers to unknown File "flash2"/,
  [join('ovftool-conformance', 'Envelope_1_0', 'Pos', 'valid_vmdk_neg_size.ovf')]: /File "file1" size -2/,
  [join('vmware-govmomi', 'invalid.ovf')]: /VirtualSystem without id/,
};

describe('re-writing real descriptors', () => {
  const parseable = positives(FIXTURES).filter((rel) => {
    try {
      parseOvfDocument(readFileSync(join(FIXTURES, rel), 'utf8'), rel);
      return true;
    } catch {
      return false;
    }
  });

  it('covers the collections and the DSP0243 example', () => {
    expect(parseable.length).toBeGreaterThan(100);
    for (const rel of ['two-vms-vapp.ovf', 'nested-vapp.ovf', 'complete_vsc.ovf'])
      expect(parseable).toContain(join('vmware-govmomi', rel));
    expect(parseable).toContain(join('dmtf-sample', 'dsp0243_lamp_example.ovf'));
  });

  it.each(parseable.filter((rel) => !(rel in UNWRITABLE)))('%s keeps its model', (rel) => {
    const text = readFileSync(join(FIXTURES, rel), 'utf8');
    const original = parseOvf(text, rel);
    const rewritten = parseOvf(writeOvf(toWriteSpec(parseOvfDocument(text, rel))), rel);
    expect(rewritten.edition).toBe('1.x');
    expect(rewritten.references).toEqual(original.references);
    expect(rewritten.networks).toEqual(original.networks);
    expect(rewritten.virtualSystems).toEqual(original.virtualSystems);
  });

  it.each(Object.entries(UNWRITABLE))('%s is refused with %s', (rel, pattern) => {
    const d = parseOvfDocument(readFileSync(join(FIXTURES, rel), 'utf8'), rel.split(sep).join('/'));
    expect(() => writeOvf(toWriteSpec(d))).toThrow(pattern);
  });

  it('carries vendor sections and the OVF sections the writer does not model', () => {
    const rel = join('vmware-govmomi', 'complete_vsc.ovf');
    const out = writeOvf(toWriteSpec(parseOvfDocument(readFileSync(join(FIXTURES, rel), 'utf8'), rel)));
    const again = toWriteSpec(parseOvfDocument(out, 'again.ovf'));
    const names = (again.content.extraSections ?? []).map((n) => `${n.prefix}:${n.name}`);
    expect(names).toEqual([
      'ovf2:ScaleOutSection',
      ':AnnotationSection',
      ':EulaSection',
      'bar:BarSection',
      ':ProductSection',
    ]);
    expect(out).toContain('xmlns:bar="http://www.vmware.com/bar"');
    expect(out).toContain('<License>Contents of vApp license</License>');
  });
});
