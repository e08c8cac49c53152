import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126174235 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_returned_item" ("id" text not null, "order_id" text not null, "return_id" text not null, "line_item_id" text not null, "requested_quantity" integer not null, "received_quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_returned_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_returned_item_deleted_at" ON "pp_returned_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_returned_item_return_line_item" ON "pp_returned_item" ("return_id", "line_item_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_returned_item_order_id" ON "pp_returned_item" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "pp_followup" add column if not exists "deferred_since" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_followup_email_sent_at" ON "pp_followup" ("email", "sent_at") WHERE status = 'sent' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_returned_item" cascade;`);

    this.addSql(`drop index if exists "IDX_pp_followup_email_sent_at";`);
    this.addSql(`alter table if exists "pp_followup" drop column if exists "deferred_since";`);
  }

}
