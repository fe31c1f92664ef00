import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthDefinition, TaskServiceDefinition, reservoir, grpc as pb } from '@reservoir/contracts';
import { GrpcServer } from './server.js';
import { createClient } from './client.js';
import { errors, ReservoirError } from '../errors.js';
import { silentLogger } from '../log/logger.js';

const { TaskState } = reservoir.common.v1;

describe('gRPC helpers over a real socket', () => {
  const server = new GrpcServer({
    logger: silentLogger(),
    guards: [
      (ctx, request) => {
        if (ctx.metadata['x-deny'] === 'yes')
          throw new ReservoirError('PERMISSION_DENIED', 'denied by guard');
        if (ctx.metadata['x-deny'] === 'request')
          throw new ReservoirError('PERMISSION_DENIED', `request ${(request as { id: string }).id}`);
      },
    ],
  });
  let address = '';

  beforeAll(async () => {
    server.addService('reservoir.common.v1.TaskService', TaskServiceDefinition, {
      getTask: (req) => {
        if (req.id === 'missing') throw errors.notFound('task', req.id);
        if (req.id === '') throw errors.invalid('id', 'must not be empty');
        return { id: req.id, state: TaskState.TASK_STATE_RUNNING, progress: 40 };
      },
      watchTask: async (req, send) => {
        for (let p = 0; p <= 100; p += 50) send({ id: req.id, progress: p });
      },
      listTasks: async (_req, ctx) => {
        await new Promise((r) => setTimeout(r, 500));
        return { tasks: [], nextPageToken: ctx.method };
      },
    });
    address = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
  });
  afterAll(() => server.shutdown(100));

  it('answers unary calls and the standard health check', async () => {
    const tasks = createClient(TaskServiceDefinition, address);
    const t = await tasks.getTask({ id: 't1' });
    expect(t.progress).toBe(40);
    expect(t.state).toBe(TaskState.TASK_STATE_RUNNING);
    const health = createClient(HealthDefinition, address);
    const h = await health.check({ service: 'reservoir.common.v1.TaskService' });
    expect(h.status).toBe(pb.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    await expect(health.check({ service: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    tasks.close();
    health.close();
  });

  it('carries domain error codes and fields across the wire', async () => {
    const tasks = createClient(TaskServiceDefinition, address);
    await expect(tasks.getTask({ id: 'missing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'task "missing" not found',
    });
    await expect(tasks.getTask({ id: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'id' });
    await expect(tasks.getTask({ id: 'x' }, { metadata: { 'x-deny': 'yes' } })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    tasks.close();
  });

  it('streams and enforces deadlines', async () => {
    const tasks = createClient(TaskServiceDefinition, address);
    const seen: number[] = [];
    for await (const t of tasks.watchTask({ id: 'w' })) seen.push(t.progress);
    expect(seen).toEqual([0, 50, 100]);
    await expect(tasks.listTasks({}, { deadlineMs: 50 })).rejects.toMatchObject({
      code: 'DEADLINE_EXCEEDED',
    });
    tasks.close();
  });

  it('refuses a streaming call from its guard with the guard’s code, and passes the request to guards', async () => {
    const tasks = createClient(TaskServiceDefinition, address);
    const refused = async () => {
      for await (const _ of tasks.watchTask({ id: 'w' }, { metadata: { 'x-deny': 'yes' }, deadlineMs: 5000 }))
        throw new Error('a refused stream sent a message');
    };
    await expect(refused()).rejects.toMatchObject({ code: 'PERMISSION_DENIED', message: 'denied by guard' });
    await expect(
      tasks.getTask({ id: 'seen-by-guard' }, { metadata: { 'x-deny': 'request' } }),
    ).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'request seen-by-guard',
    });
    tasks.close();
  });

  it('reports an unreachable endpoint as UNAVAILABLE', async () => {
    const tasks = createClient(TaskServiceDefinition, '127.0.0.1:1', { deadlineMs: 2000 });
    const err = await tasks.getTask({ id: 'a' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReservoirError);
    expect((err as ReservoirError).code).toMatch(/UNAVAILABLE|DEADLINE_EXCEEDED/);
    tasks.close();
  });
});
