import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';
import { ovfModelOf, parseOvf, parseOvfDocument, xmlNodeOf } from './index.js';

const FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf');
const read = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');
const doc = (rel: string) => parseOvfDocument(read(rel), rel);

describe('parseOvfDocument', () => {
  it('nested collections: parents, children, startup order, content id', () => {
    const d = doc('vmware-govmomi/nested-vapp.ovf');
    expect(d.contentId).toBe('nestedVapp');
    expect(d.collections.map((c) => [c.id, c.parentId, c.childIds])).toEqual([
      ['nestedVapp', null, ['childVapp', 'nestedRootVm']],
      ['childVapp', 'nestedVapp', ['grandVapp', 'childVm']],
      ['grandVapp', 'childVapp', ['grandVm']],
    ]);
    expect(d.virtualSystems.map((v) => [v.id, v.parentId, v.line])).toEqual([
      ['grandVm', 'grandVapp', 44],
      ['childVm', 'childVapp', 182],
      ['nestedRootVm', 'nestedVapp', 320],
    ]);
    expect(d.collections[0]?.line).toBe(21);
    expect(d.collections[0]?.startup[0]).toEqual({
      id: 'childVapp',
      order: 1,
      waitingForGuest: false,
      startDelaySeconds: 120,
      stopDelaySeconds: 120,
      startAction: 'powerOn',
      stopAction: 'powerOff',
    });
    expect(d.networks).toEqual([{ name: 'VM Network', description: 'The VM Network network' }]);
    expect(d.disks.map((disk) => disk.diskId)).toEqual(['vmdisk1', 'vmdisk2', 'vmdisk3']);
  });

  it('reads waitingForGuest and guestShutdown, and keeps unmodelled sections reachable', () => {
    const d = doc('vmware-govmomi/complete_vsc.ovf');
    expect(d.collections[0]?.startup[1]).toMatchObject({
      id: 'vs2',
      waitingForGuest: true,
      startDelaySeconds: 119,
      stopDelaySeconds: 121,
      stopAction: 'guestShutdown',
    });
    const bar = d.collections[0]?.element.children.find(
      (c) => c.namespaceURI === 'http://www.vmware.com/bar' && c.localName === 'BarSection',
    );
    expect(bar && xmlNodeOf(bar)).toEqual({
      ns: 'http://www.vmware.com/bar',
      prefix: 'bar',
      name: 'BarSection',
      attributes: [
        { name: 'required', value: 'false', ns: 'http://schemas.dmtf.org/ovf/envelope/1', prefix: 'ovf' },
      ],
      children: [
        { ns: 'http://schemas.dmtf.org/ovf/envelope/1', prefix: '', name: 'Info', text: 'The bar section' },
      ],
    });
  });

  it('NIC connections of the default configuration, from Item and EthernetPortItem', () => {
    const iosv = doc('cot-cisco/iosv.ovf').virtualSystems[0];
    expect(iosv?.nicNetworks).toEqual(['GigabitEthernet0_0', 'GigabitEthernet0_1']);
    expect(iosv?.nics).toBe(2);
    expect(doc('virtualbox/ubuntu.2.0.ovf').virtualSystems[0]?.nicNetworks).toEqual(['NAT']);
  });

  it('property details, with class.key.instance keys as the OVF environment names them', () => {
    const lamp = doc('dmtf-sample/dsp0243_lamp_example.ovf').virtualSystems[0];
    expect(lamp?.propertyDetails).toHaveLength(19);
    expect(lamp?.propertyDetails.find((p) => p.key === 'org.apache.httpd.httpPort')).toEqual({
      key: 'org.apache.httpd.httpPort',
      type: 'uint16',
      value: '80',
      label: '',
      description: 'Port number for HTTP requests',
      userConfigurable: true,
    });
    expect(lamp?.propertyDetails[0]).toMatchObject({
      key: 'org.linuxdist.x.hostname',
      userConfigurable: false,
    });

    // The descriptor itself refers to ${vami.ip0.ubuntu-name}.
    const studio = doc('vmware-govmomi/VMwareStudio_VM_OVF10.ovf').virtualSystems[0];
    expect(studio?.propertyDetails.find((p) => p.key === 'vami.ip0.ubuntu-name')).toMatchObject({
      label: 'Network 1 IP Address',
      userConfigurable: true,
      type: 'string',
    });
    expect(studio?.properties.map((p) => p.key)).toContain('vm.vmname');
  });

  it('0.9 typed sections: defaultValue, configurableByUser, Content collections', () => {
    const ns = 'http://www.vmware.com/schema/ovf/1/envelope';
    const xml = `<Envelope xmlns="${ns}" xmlns:ovf="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Content xsi:type="ovf:VirtualSystemCollection_Type" ovf:id="app"><Info/>
    <Section xsi:type="ovf:StartupSection_Type"><Info/><Item ovf:id="vm" ovf:order="3"/></Section>
    <Content xsi:type="ovf:VirtualSystem_Type" ovf:id="vm"><Info/>
      <Section xsi:type="ovf:ProductSection_Type"><Info/>
        <Property ovf:key="k" ovf:type="string" ovf:defaultValue="d" ovf:configurableByUser="true">
          <Description> the k </Description>
        </Property>
      </Section>
    </Content>
  </Content>
</Envelope>`;
    const d = parseOvfDocument(xml, 'old.ovf');
    expect(d.edition).toBe('0.9');
    expect(d.contentId).toBe('app');
    expect(d.collections[0]?.startup).toMatchObject([{ id: 'vm', order: 3, startAction: 'powerOn' }]);
    expect(d.virtualSystems[0]).toMatchObject({ id: 'vm', parentId: 'app', line: 4 });
    expect(d.virtualSystems[0]?.propertyDetails).toEqual([
      { key: 'k', type: 'string', value: 'd', label: '', description: 'the k', userConfigurable: true },
    ]);
  });

  it('parseOvf is the projection of the document', () => {
    for (const rel of [
      'vmware-govmomi/two-vms-vapp.ovf',
      'cot-cisco/csr1000v.ovf',
      'virtualbox/ubuntu.2.0.ovf',
    ]) {
      const model = parseOvf(read(rel), rel);
      expect(ovfModelOf(doc(rel))).toEqual(model);
      expect(Object.keys(model.virtualSystems[0] ?? {})).toEqual([
        'id',
        'name',
        'osType',
        'cpus',
        'memoryMiB',
        'disks',
        'nics',
        'properties',
      ]);
    }
  });
});
