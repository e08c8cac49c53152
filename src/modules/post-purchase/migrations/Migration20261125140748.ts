import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125140748 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "pp_followup" drop constraint if exists "pp_followup_idempotency_key_unique";`);
    this.addSql(`alter table if exists "pp_flow_setting" drop constraint if exists "pp_flow_setting_flow_unique";`);
    this.addSql(`create table if not exists "pp_flow_setting" ("id" text not null, "flow" text not null, "enabled" boolean not null, "delay_seconds" integer not null, "options" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_flow_setting_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_flow_setting_flow_unique" ON "pp_flow_setting" ("flow") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_flow_setting_deleted_at" ON "pp_flow_setting" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pp_followup" ("id" text not null, "flow" text not null, "step" integer not null default 0, "order_id" text not null, "customer_id" text null, "email" text not null, "anchor_event" text not null, "anchor_at" timestamptz not null, "send_at" timestamptz not null, "status" text check ("status" in ('scheduled', 'sending', 'sent', 'failed', 'canceled', 'skipped')) not null default 'scheduled', "attempts" integer not null default 0, "locked_until" timestamptz null, "last_error" text null, "status_reason" text null, "notification_id" text null, "provider_message_id" text null, "sent_at" timestamptz null, "idempotency_key" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_followup_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_followup_idempotency_key_unique" ON "pp_followup" ("idempotency_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_deleted_at" ON "pp_followup" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_due" ON "pp_followup" ("send_at") WHERE status = 'scheduled' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_lease" ON "pp_followup" ("locked_until") WHERE status = 'sending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_order_id" ON "pp_followup" ("order_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_flow_setting" cascade;`);

    this.addSql(`drop table if exists "pp_followup" cascade;`);
  }

}
