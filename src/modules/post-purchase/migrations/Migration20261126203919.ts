import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126203919 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "pp_order_return_policy" ("id" text not null, "order_id" text not null, "policy_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_order_return_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_order_return_policy_deleted_at" ON "pp_order_return_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_order_return_policy_order_id" ON "pp_order_return_policy" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "pp_return_policy" ("id" text not null, "scope" text check ("scope" in ('store', 'sales_channel', 'region')) not null, "scope_id" text null, "scope_key" text not null, "version" integer not null, "retired" boolean not null default false, "terms" jsonb not null, "created_by" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "pp_return_policy_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_pp_return_policy_deleted_at" ON "pp_return_policy" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_pp_return_policy_scope_version" ON "pp_return_policy" ("scope_key", "version") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pp_order_return_policy" cascade;`);

    this.addSql(`drop table if exists "pp_return_policy" cascade;`);
  }

}
