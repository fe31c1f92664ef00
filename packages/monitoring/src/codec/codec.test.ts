import { reservoir } from '@reservoir/contracts';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, type WireMeasurement } from './batch-codec.js';
import { decodeAck, decodeControl, encodeAck, encodeControl } from './control-codec.js';
import { decodeDataSourceInfo, encodeDataSourceInfo } from './info-codec.js';
import type { AttributeSpec, DataSourceInfoJson } from './model.js';
import { sampleToValues, valuesToRecord } from './value-codec.js';

const attrs: AttributeSpec[] = [
  { field: 1, name: 'cpu', type: 'double', units: '%' },
  { field: 2, name: 'mem', type: 'int', units: 'MiB' },
  { field: 3, name: 'state', type: 'string', units: '' },
  { field: 4, name: 'up', type: 'bool', units: '' },
];

const info: DataSourceInfoJson = {
  id: 'host-1',
  name: 'host one',
  site: 'site-a',
  kind: 'host',
  updatedAtMs: 1_700_000_000_000,
  probes: [
    {
      id: 'p-1',
      name: 'load',
      dataSourceId: 'host-1',
      serviceId: 'svc',
      attributes: attrs,
      periodMs: 1000,
      on: true,
      qos: 1,
    },
  ],
};

describe('value codec', () => {
  it('turns names into field numbers and back, keeping zero and false', () => {
    const sample = { cpu: 0, mem: -42, state: 'ok', up: false };
    const wire = sampleToValues(attrs, sample);
    expect(wire.map((v) => v.field)).toEqual([1, 2, 3, 4]);
    expect(valuesToRecord(attrs, wire)).toEqual(sample);
  });

  it('refuses unknown names and wrong types', () => {
    expect(() => sampleToValues(attrs, { disk: 1 })).toThrow(/sample.disk/);
    expect(() => sampleToValues(attrs, { cpu: 'high' })).toThrow(/number/);
    expect(() => sampleToValues(attrs, { mem: 1.5 })).toThrow(/integer/);
    expect(() => sampleToValues(attrs, { up: 1 })).toThrow(/boolean/);
  });
});

describe('batch codec', () => {
  it('round-trips a batch with a probe table and time offsets', () => {
    const ms: WireMeasurement[] = [
      {
        probeId: 'p-1',
        seq: 1,
        timeMs: 1_700_000_000_000,
        values: sampleToValues(attrs, { cpu: 12.5, up: true }),
      },
      { probeId: 'p-2', seq: 7, timeMs: 1_700_000_000_040, values: sampleToValues(attrs, { mem: 2 ** 40 }) },
      {
        probeId: 'p-1',
        seq: 2,
        timeMs: 1_700_000_000_050,
        values: sampleToValues(attrs, { state: 'x', cpu: 0 }),
      },
    ];
    const decoded = decodeBatch(encodeBatch({ dataSourceId: 'host-1', serviceId: 's', measurements: ms }));
    expect(decoded.dataSourceId).toBe('host-1');
    expect(decoded.serviceId).toBe('s');
    expect(decoded.measurements.map((m) => [m.probeId, m.seq, m.timeMs])).toEqual(
      ms.map((m) => [m.probeId, m.seq, m.timeMs]),
    );
    expect(decoded.measurements.map((m) => valuesToRecord(attrs, m.values))).toEqual([
      { cpu: 12.5, up: true },
      { mem: 2 ** 40 },
      { state: 'x', cpu: 0 },
    ]);
  });

  it('costs far fewer bytes per measurement than Lattice XDR', () => {
    const four: AttributeSpec[] = [1, 2, 3, 4].map((f) => ({
      field: f,
      name: `a${f}`,
      type: 'double',
      units: '',
    }));
    const measure = (n: number) => {
      const ms: WireMeasurement[] = Array.from({ length: n }, (_, i) => ({
        probeId: `probe-${i % 4}`,
        seq: 1000 + i,
        timeMs: 1_700_000_000_000 + i * 10,
        values: sampleToValues(four, {
          a1: Math.random(),
          a2: Math.random(),
          a3: Math.random(),
          a4: Math.random(),
        }),
      }));
      return encodeBatch({ dataSourceId: 'site-a-host-01', serviceId: '', measurements: ms }).length;
    };
    const single = measure(1);
    const perMeasurementIn100 = measure(100) / 100;
    // Lattice (NoNames XDR): ~116 B fixed + 16 B per double = ~180 B for four doubles.
    console.info(
      `bytes per measurement, 4 doubles: ${single} B alone, ${perMeasurementIn100.toFixed(1)} B in a batch of 100 (Lattice ≈ 180 B)`,
    );
    expect(single).toBeLessThan(100);
    expect(perMeasurementIn100).toBeLessThan(64);
  });

  it('rejects empty, random and foreign payloads', () => {
    expect(() => decodeBatch(new Uint8Array(0))).toThrow(/MeasurementBatch/);
    expect(() => decodeBatch(Buffer.from('not protobuf at all, surely'))).toThrow();
    const foreign = reservoir.monitoring.v1.ProbeControlAck.encode({ correlationId: 'c', ok: true }).finish();
    expect(() => decodeBatch(foreign)).toThrow(/measurements/);
    const outOfRange = reservoir.monitoring.v1.MeasurementBatch.encode({
      dataSourceId: 'd',
      probes: ['p'],
      measurements: [{ probe: 3, seq: 1 }],
    }).finish();
    expect(() => decodeBatch(outOfRange)).toThrow(/out of range/);
  });
});

describe('info codec', () => {
  it('round-trips a data source description', () => {
    expect(decodeDataSourceInfo(encodeDataSourceInfo(info))).toEqual(info);
  });

  it('reads an empty payload as cleared and refuses foreign payloads', () => {
    expect(decodeDataSourceInfo(new Uint8Array(0))).toBeUndefined();
    const batch = encodeBatch({ dataSourceId: 'd', serviceId: '', measurements: [] });
    expect(() => decodeDataSourceInfo(batch)).toThrow(/kind/);
    expect(() => decodeDataSourceInfo(Buffer.from([0xff, 0xff, 0xff]))).toThrow(/undecodable/);
  });
});

describe('control codec', () => {
  it('round-trips requests and acknowledgements', () => {
    const add = decodeControl(
      encodeControl({
        correlationId: 'c1',
        dataSourceId: 'host-1',
        action: 'add',
        probe: { name: 'disk', attributes: attrs.slice(0, 1), periodMs: 200 },
      }),
    );
    expect(add).toMatchObject({
      correlationId: 'c1',
      action: 'add',
      probe: { name: 'disk', periodMs: 200, on: true },
    });
    expect(add.probe?.id).toBeUndefined();
    expect(
      decodeControl(
        encodeControl({ correlationId: 'c2', dataSourceId: 'h', action: 'rate', probeId: 'p', periodMs: 50 }),
      ),
    ).toEqual({
      correlationId: 'c2',
      dataSourceId: 'h',
      action: 'rate',
      probeId: 'p',
      periodMs: 50,
    });
    const ack = { correlationId: 'c1', ok: false, errorCode: 'NOT_FOUND', errorMessage: 'no' };
    expect(decodeAck(encodeAck(ack))).toEqual(ack);
    expect(decodeAck(encodeAck({ correlationId: 'c3', ok: true, probe: info.probes[0]! })).probe).toEqual(
      info.probes[0],
    );
  });

  it('refuses unknown actions', () => {
    const bad = reservoir.monitoring.v1.ProbeControl.encode({
      correlationId: 'c',
      action: 'explode',
    }).finish();
    expect(() => decodeControl(bad)).toThrow(/action/);
  });
});
