import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126191524 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_copy_version" ("id" text not null, "flow" text not null, "language" text not null, "version" integer not null, "fields" jsonb not null, "action" text check ("action" in ('saved', 'reset', 'restored')) not null, "restored_from" integer null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_copy_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_copy_version_deleted_at" ON "pp_copy_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_copy_version_flow_language_version" ON "pp_copy_version" ("flow", "language", "version") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_copy_version" cascade;`);
  }

}
