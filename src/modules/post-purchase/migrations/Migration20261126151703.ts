import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126151703 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_order_anchor" ("id" text not null, "order_id" text not null, "anchor" text check ("anchor" in ('placed')) not null, "occurred_at" timestamptz not null, "source" text check ("source" in ('event', 'reconciliation')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_order_anchor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_order_anchor_deleted_at" ON "pp_order_anchor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_order_anchor_order_anchor" ON "pp_order_anchor" ("order_id", "anchor") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_order_anchor_created_at" ON "pp_order_anchor" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pp_followup" add column if not exists "config_error_since" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_config_error" ON "pp_followup" ("config_error_since") WHERE status = 'scheduled' AND config_error_since IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_status_send_at" ON "pp_followup" ("status", "send_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_order_anchor" cascade;`);

    this.addSql(`drop index if exists "IDX_pp_followup_config_error";`);
    this.addSql(`drop index if exists "IDX_pp_followup_status_send_at";`);
    this.addSql(`alter table if exists "pp_followup" drop column if exists "config_error_since";`);
  }

}
