// The Cron Trigger (`[triggers] crons` in wrangler.toml): publishes and archives items whose `publishAt` /
// `unpublishAt` has come, and prunes the audit log and idempotency records (api/lib/writes.ts, runSchedule).
import { drizzle } from 'drizzle-orm/d1';
import { aboutResource } from './about/writes.ts';
import type { Bindings, Db } from './env.ts';
import { type EditableBase, type EditableResource, type EditorialInput, runSchedule } from './lib/writes.ts';
import { servicesResource } from './services/writes.ts';
import { topicsResource } from './topics/writes.ts';
import { webhooksSweep } from './webhooks/index.ts';

/** Every resource with a workflow; a new editable resource is appended here so the scheduler sees it. */
export const SCHEDULED_RESOURCES: EditableResource<EditableBase, EditorialInput>[] = [
  topicsResource as unknown as EditableResource<EditableBase, EditorialInput>,
  servicesResource as unknown as EditableResource<EditableBase, EditorialInput>,
  aboutResource as unknown as EditableResource<EditableBase, EditorialInput>,
];

export async function scheduled(controller: ScheduledController, env: Bindings, _ctx: ExecutionContext): Promise<void> {
  const db = drizzle(env.DB, { casing: 'snake_case' }) as Db;
  const done = await runSchedule(db, SCHEDULED_RESOURCES, new Date(controller.scheduledTime));
  if (done.length > 0) console.log(`scheduled: ${done.map((d) => `${d.action} ${d.resource}/${d.id}`).join(', ')}`);
  // After the schedule, so what it published goes out in this same run; then whatever a write did not send.
  const hooks = await webhooksSweep(db, env, new Date(controller.scheduledTime));
  if (hooks.fannedOut + hooks.requeued > 0) console.log(`scheduled: webhooks ${hooks.fannedOut} new, ${hooks.requeued} re-sent`);
}
