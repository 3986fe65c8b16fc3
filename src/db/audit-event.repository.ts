import type { Insertable } from 'kysely';
import type { Executor } from './executor.ts';
import type { AuditEventTable } from './schema.ts';

export class AuditEventRepository {
  constructor(private readonly db: Executor) {}

  async insert(event: Insertable<AuditEventTable>): Promise<void> {
    await this.db.insertInto('audit_events').values(event).execute();
  }
}
